export { I18nProvider } from './I18nProvider';
export { LanguageSwitch } from './LanguageSwitch';
export { useLocaleState } from './useLocaleState';
export { useTranslate } from './useTranslate';
export { locales, defaultLocale, type Locale } from './locales';
export type { MessageKey, Messages } from './messages';
