import { useEffect, useState } from 'react';
import { useLocaleState, type Locale } from '../../i18n';
import { ApiProblem } from './portalApi';

export type Loaded<T> =
  { state: 'loading' } | { state: 'failed'; problem: ApiProblem } | { state: 'ok'; value: T };

/** Loads once per change of `deps` (and language); a stale answer never replaces a newer one. */
export function useApi<T>(load: (locale: Locale) => Promise<T>, deps: unknown[]): Loaded<T> {
  const [locale] = useLocaleState();
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    load(locale).then(
      (value) => current && setResult({ state: 'ok', value }),
      (error: unknown) =>
        current &&
        setResult({
          state: 'failed',
          problem: error instanceof ApiProblem ? error : new ApiProblem(0, String(error)),
        }),
    );
    return () => {
      current = false;
    };
    // The caller lists what `load` reads in `deps`.
  }, [locale, ...deps]);
  return result;
}
