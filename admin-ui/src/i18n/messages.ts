import deCH from './messages/de-CH.json';
import en from './messages/en.json';
import type { Locale } from './locales';

/** Nested like react-admin's messages; keys are dotted paths such as `portal.start.title`. */
export type Messages = typeof deCH;

/** Every dotted path to a message, e.g. `'portal.start.title'`. */
export type MessageKey = Leaves<Messages>;

type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];

// Both assignments fail to compile when a key is missing on either side.
// tests/ui/i18n.test.ts checks the same at run time, and that no message is empty.
const enMessages: Messages = en;
const _deHasEveryEnglishKey: typeof en = deCH;

export const messages: Readonly<Record<Locale, Messages>> = {
  'de-CH': deCH,
  en: enMessages,
};
