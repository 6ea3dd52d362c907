import { locales } from './locales';
import { useLocaleState } from './useLocaleState';
import { useTranslate } from './useTranslate';

/**
 * One toggle button per language. Switching re-renders in place: same URL, same page, and the
 * focus stays on the pressed button.
 */
export function LanguageSwitch() {
  const t = useTranslate();
  const [current, setLocale] = useLocaleState();
  return (
    <div className="language-switch" role="group" aria-label={t('common.language.label')}>
      {locales.map(({ locale, name }) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          onClick={() => setLocale(locale)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
