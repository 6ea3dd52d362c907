import { useI18nContext, type Translate } from './I18nContext';

/** `const t = useTranslate(); t('portal.start.title')` — named after react-admin's hook. */
export function useTranslate(): Translate {
  return useI18nContext().translate;
}
