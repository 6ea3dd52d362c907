import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslate } from '../../i18n';
import { useDocumentTitle } from '../../layout/useDocumentTitle';
import { portalApi, type PublicTenant } from '../api/portalApi';
import { useApi } from '../api/useApi';
import { LoadFailed } from '../LoadFailed';

/** Letters without accents and case, so "lu" finds "Luzern" and "emme" finds "Emmen". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('de-CH');
}

/**
 * Start: choose your municipality. A search field filters the list of links below it (the
 * GOV.UK pattern, rather than a custom combobox widget): it works with keyboard, screen reader
 * and without a pointer, and the number of matches is announced in a status region.
 */
export function StartPage() {
  const t = useTranslate();
  useDocumentTitle(t('portal.start.title'));
  const tenants = useApi((locale) => portalApi.tenants(locale), []);
  const [query, setQuery] = useState('');
  const inputId = useId();
  const hintId = useId();

  const sorted = useMemo(() => {
    if (tenants.state !== 'ok') return [];
    const active = tenants.value.filter((tenant) => tenant.kind === 'municipality');
    return active.sort((a, b) => a.name.localeCompare(b.name, 'de-CH'));
  }, [tenants]);
  const canton =
    tenants.state === 'ok' ? tenants.value.find((x) => x.kind === 'canton') : undefined;
  const matches = sorted.filter((tenant: PublicTenant) => fold(tenant.name).includes(fold(query)));

  return (
    <>
      <h1>{t('portal.start.title')}</h1>
      <p className="lead">{t('portal.start.intro')}</p>

      <section className="panel" aria-labelledby="municipality-title">
        <h2 id="municipality-title">{t('portal.start.municipality.title')}</h2>
        {tenants.state === 'failed' && <LoadFailed problem={tenants.problem} />}
        {tenants.state === 'loading' && <p role="status">{t('portal.common.loading')}</p>}
        {tenants.state === 'ok' && (
          <>
            <label className="field-label" htmlFor={inputId}>
              {t('portal.start.municipality.search')}
            </label>
            <p className="hint" id={hintId}>
              {t('portal.start.municipality.hint')}
            </p>
            <input
              id={inputId}
              className="text-input"
              type="search"
              autoComplete="address-level2"
              aria-describedby={hintId}
              aria-controls="municipality-list"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
            <p role="status" className="hint">
              {matches.length === 1
                ? t('portal.start.municipality.countOne')
                : t('portal.start.municipality.count', { count: matches.length })}
            </p>
            <ul id="municipality-list" className="link-list link-list--columns">
              {matches.map((tenant) => (
                <li key={tenant.id}>
                  <Link to={`/${tenant.id}`}>{tenant.name}</Link>
                </li>
              ))}
            </ul>
            {canton && (
              <p>
                <Link to={`/${canton.id}`}>{t('portal.start.municipality.canton')}</Link>
              </p>
            )}
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="track-title">
        <h2 id="track-title">{t('portal.start.track.title')}</h2>
        <p>{t('portal.start.track.text')}</p>
        <Link to="/my-cases">{t('portal.start.track.myCases')}</Link>
      </section>
    </>
  );
}
