import type { Locale } from '../../i18n';

/** CHF amounts as Swiss readers write them ("CHF 120.00"); Intl does the grouping. */
export function formatChf(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CHF' }).format(cents / 100);
}
