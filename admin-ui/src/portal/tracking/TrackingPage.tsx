import './casePages.css';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useLocaleState, useTranslate } from '../../i18n';
import { useDocumentTitle } from '../../layout/useDocumentTitle';
import { CaseDocuments } from './CaseDocuments';
import { CaseTimeline } from './CaseTimeline';
import { caseToken, takeTokenFromUrl } from './caseToken';
import { ApiProblem, fetchCase, localized, type CitizenCase } from './citizenApi';
import { RequestAnswer } from './RequestAnswer';

/** Statuses after which an expected completion date says nothing any more. */
const FINISHED = new Set(['decided', 'closed', 'rejected']);

type Load =
  | { state: 'loading' }
  | { state: 'found'; view: CitizenCase; token: string }
  | { state: 'not-found' }
  | { state: 'failed' };

/**
 * `/track/{reference}#{token}`: the citizen's view of one case — status, open requests to
 * answer, documents to download, the timeline and the office's messages. The key is the
 * tracking token from the link or a "my cases" session (see caseToken.ts).
 */
export function TrackingPage() {
  const t = useTranslate();
  const [locale] = useLocaleState();
  const reference = useParams().reference ?? '';
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [answered, setAnswered] = useState(false);

  const reload = useCallback(() => {
    takeTokenFromUrl(reference);
    const token = caseToken(reference);
    if (!token) {
      setLoad({ state: 'not-found' });
      return () => undefined;
    }
    let current = true;
    fetchCase(reference, token, locale).then(
      (view) => current && setLoad({ state: 'found', view, token }),
      (problem: unknown) =>
        current &&
        setLoad({
          state:
            problem instanceof ApiProblem && [401, 404].includes(problem.status)
              ? 'not-found'
              : 'failed',
        }),
    );
    return () => {
      current = false;
    };
    // The case's texts come in both languages: a language switch needs no new request.
  }, [reference]);

  useEffect(() => reload(), [reload]);

  const title =
    load.state === 'found'
      ? t('portal.tracking.title', { service: localized(load.view.service.title, locale) })
      : t('portal.tracking.titleGeneric');
  useDocumentTitle(title);

  if (load.state === 'loading') return <p role="status">{t('portal.tracking.loading')}</p>;
  if (load.state !== 'found') {
    return (
      <>
        <h1>{t('portal.tracking.titleGeneric')}</h1>
        <p className="notice" role="alert">
          {load.state === 'not-found' ? t('portal.tracking.notFound') : t('portal.tracking.error')}
        </p>
        <p>
          <Link to="/my-cases">{t('portal.tracking.toMyCases')}</Link>
        </p>
      </>
    );
  }

  const { view, token } = load;
  const date = (iso: string) => new Date(iso).toLocaleDateString(locale, { dateStyle: 'long' });
  return (
    <>
      <h1>{title}</h1>
      <dl className="case-summary">
        <div>
          <dt>{t('portal.tracking.reference')}</dt>
          <dd>{view.reference}</dd>
        </div>
        <div>
          <dt>{t('portal.tracking.municipality')}</dt>
          <dd>{view.tenant.name}</dd>
        </div>
        <div>
          <dt>{t('portal.tracking.status')}</dt>
          <dd>
            <strong className={`case-status case-status--${view.status}`}>
              {localized(view.statusLabel, locale)}
            </strong>
          </dd>
        </div>
        <div>
          <dt>{t('portal.tracking.submittedAt')}</dt>
          <dd>{date(view.submittedAt)}</dd>
        </div>
        {view.expectedCompletionAt && !FINISHED.has(view.status) && (
          <div>
            <dt>{t('portal.tracking.expectedCompletion')}</dt>
            <dd>{date(view.expectedCompletionAt)}</dd>
          </div>
        )}
        {view.decidedAt && (
          <div>
            <dt>{t('portal.tracking.decidedAt')}</dt>
            <dd>{date(view.decidedAt)}</dd>
          </div>
        )}
      </dl>

      <div role="status">
        {answered && (
          <p className="notice case-notice--success">{t('portal.tracking.requests.done')}</p>
        )}
      </div>

      {view.openRequests.length > 0 && (
        <section aria-labelledby="requests-title">
          <h2 id="requests-title">{t('portal.tracking.requests.title')}</h2>
          {view.openRequests.map((request) => (
            <RequestAnswer
              key={request.id}
              reference={view.reference}
              request={request}
              token={token}
              onAnswered={(updated) => {
                setAnswered(true);
                setLoad({ state: 'found', view: updated, token });
                reload();
              }}
            />
          ))}
        </section>
      )}

      <section aria-labelledby="documents-title">
        <h2 id="documents-title">{t('portal.tracking.documents.title')}</h2>
        <CaseDocuments view={view} token={token} />
      </section>

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('portal.tracking.timeline.title')}</h2>
        <CaseTimeline view={view} />
      </section>

      <section aria-labelledby="messages-title">
        <h2 id="messages-title">{t('portal.tracking.messages.title')}</h2>
        {view.messages.length ? (
          <ul className="case-messages">
            {view.messages.map((message) => (
              <li key={message.id}>
                <h3>{message.subject}</h3>
                <p className="case-hint">
                  <time dateTime={message.createdAt}>{date(message.createdAt)}</time>
                </p>
                <p className="case-messages__body">{message.body}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('portal.tracking.messages.none')}</p>
        )}
      </section>

      <p>
        <button
          type="button"
          className="case-button case-button--secondary"
          onClick={() => reload()}
        >
          {t('portal.tracking.refresh')}
        </button>
      </p>
    </>
  );
}
