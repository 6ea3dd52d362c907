import '../tracking/casePages.css';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useLocaleState, useTranslate } from '../../i18n';
import { useDocumentTitle } from '../../layout/useDocumentTitle';
import { myCasesSession, saveMyCasesSession, type MyCasesSession } from '../tracking/caseToken';
import { ApiProblem, localized } from '../tracking/citizenApi';
import { fetchMyCases, fetchTenantNames, type MyCase } from './myCasesApi';
import { SignInForm } from './SignInForm';

/**
 * `/my-cases`: sign in with a code mailed to the address used in the applications, then every
 * case of that address, in every municipality, each linking to its tracking page (which uses
 * this session as its key). The session lives in this tab only (sessionStorage).
 */
export function MyCasesPage() {
  const t = useTranslate();
  const [locale] = useLocaleState();
  useDocumentTitle(t('portal.myCases.title'));
  const [session, setSession] = useState(myCasesSession);
  const [cases, setCases] = useState<MyCase[]>();
  const [tenantNames, setTenantNames] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!session) return;
    let current = true;
    fetchTenantNames(locale).then(
      (names) => current && setTenantNames(names),
      () => undefined, // the ids stand in for the names
    );
    fetchMyCases(session.token, locale).then(
      (loaded) => current && setCases(loaded),
      (problem: unknown) => {
        if (!current) return;
        if (problem instanceof ApiProblem && problem.status === 401) signOut();
        else setError(t('portal.myCases.error'));
      },
    );
    return () => {
      current = false;
    };
  }, [session]);

  function signIn(opened: MyCasesSession) {
    saveMyCasesSession(opened);
    setSession(opened);
  }

  function signOut() {
    saveMyCasesSession(undefined);
    setSession(undefined);
    setCases(undefined);
  }

  if (!session) {
    return (
      <>
        <h1>{t('portal.myCases.title')}</h1>
        <p className="lead">{t('portal.myCases.intro')}</p>
        <SignInForm onSignedIn={signIn} />
      </>
    );
  }

  const date = (iso: string) => new Date(iso).toLocaleDateString(locale, { dateStyle: 'long' });
  return (
    <>
      <h1>{t('portal.myCases.title')}</h1>
      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
      {!cases && !error && <p role="status">{t('portal.myCases.loading')}</p>}
      {cases && cases.length === 0 && <p>{t('portal.myCases.none')}</p>}
      {cases && cases.length > 0 && (
        <ul className="case-list">
          {cases.map((item) => (
            <li key={item.reference} className="panel">
              <h2>
                <Link to={`/track/${item.reference}`}>
                  {localized(item.serviceTitle, locale)} – {item.reference}
                </Link>
              </h2>
              <dl className="case-summary">
                <div>
                  <dt>{t('portal.tracking.municipality')}</dt>
                  <dd>{tenantNames[item.tenantId] ?? item.tenantId}</dd>
                </div>
                <div>
                  <dt>{t('portal.tracking.status')}</dt>
                  <dd>{localized(item.statusLabel, locale)}</dd>
                </div>
                <div>
                  <dt>{t('portal.tracking.submittedAt')}</dt>
                  <dd>{date(item.submittedAt)}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <p>
        <button type="button" className="case-button case-button--secondary" onClick={signOut}>
          {t('portal.myCases.signOut')}
        </button>
      </p>
    </>
  );
}
