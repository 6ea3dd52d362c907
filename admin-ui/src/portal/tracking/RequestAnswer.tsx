import type { Form } from '@bpmn-io/form-js-viewer';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useLocaleState, useTranslate } from '../../i18n';
import {
  answerRequest,
  ApiProblem,
  fetchRequest,
  localized,
  type CitizenCase,
  type CitizenRequestDetail,
} from './citizenApi';
import { RequestForm } from './RequestForm';

/** A value of form-js's file picker: a reference into the `files` map of `submit()`. */
const isFileReference = (value: unknown) =>
  typeof value === 'string' && value.startsWith('files::');

/**
 * One open request of the office: its form (e.g. "upload your proof of insurance") and the
 * button that sends the answer; the answer completes the task the process waits on.
 */
export function RequestAnswer({
  reference,
  request,
  token,
  onAnswered,
}: {
  reference: string;
  request: CitizenCase['openRequests'][number];
  token: string;
  onAnswered: (updated: CitizenCase) => void;
}) {
  const t = useTranslate();
  const [locale] = useLocaleState();
  const headingId = useId();
  const errorId = useId();
  const formRef = useRef<Form | null>(null);
  const [detail, setDetail] = useState<CitizenRequestDetail>();
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);

  useEffect(() => {
    let current = true;
    fetchRequest(reference, request.id, token, locale).then(
      (loaded) => current && setDetail(loaded),
      (problem: unknown) => current && setError(messageOf(problem, t('portal.tracking.error'))),
    );
    return () => {
      current = false;
    };
    // The form is the office's; a language switch does not reload it.
  }, [reference, request.id, token]);

  async function send(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    const submitted = formRef.current?.submit();
    if (submitted && Object.keys(submitted.errors).length) {
      setError(t('portal.tracking.requests.invalid'));
      return;
    }
    const data = Object.fromEntries(
      Object.entries(submitted?.data ?? {}).filter(([, value]) => !isFileReference(value)),
    );
    const file = [...(submitted?.files.values() ?? [])].flat()[0];
    setSending(true);
    setError(undefined);
    try {
      onAnswered(await answerRequest(reference, request.id, { data, file }, token, locale));
    } catch (problem) {
      setError(messageOf(problem, t('portal.tracking.error')));
    } finally {
      setSending(false);
    }
  }

  return (
    <section className="panel case-request" aria-labelledby={headingId}>
      <h3 id={headingId}>{localized(request.title, locale)}</h3>
      {request.dueAt && (
        <p>
          {t('portal.tracking.requests.due', {
            date: new Date(request.dueAt).toLocaleDateString(locale),
          })}
        </p>
      )}
      <form onSubmit={(event) => void send(event)} aria-describedby={error ? errorId : undefined}>
        {detail?.form && (
          <RequestForm schema={detail.form.schema} variables={detail.variables} formRef={formRef} />
        )}
        {error && (
          <p id={errorId} className="case-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="case-button" disabled={!detail || sending}>
          {sending ? t('portal.tracking.requests.sending') : t('portal.tracking.requests.send')}
        </button>
      </form>
    </section>
  );
}

function messageOf(problem: unknown, fallback: string): string {
  if (!(problem instanceof ApiProblem)) return fallback;
  const fields = problem.fieldErrors.map((e) => `${e.field}: ${e.message}`);
  return [problem.message, ...fields].join(' ');
}
