import { useId, useRef, useState, type FormEvent } from 'react';
import { useLocaleState, useTranslate } from '../../i18n';
import { ApiProblem, portalApi, type FormSchema } from '../api/portalApi';
import { getPath, submittableData } from './formSchema';

/**
 * "Save and continue later": the data entered so far (without files, which are not kept) go
 * to the server, which mails a resume link. The address is asked here, in a form of its own.
 */
export function DraftSave({
  tenantId,
  serviceId,
  schema,
  currentData,
}: {
  tenantId: string;
  serviceId: string;
  schema: FormSchema;
  /** Reads the form's data at the moment of saving. */
  currentData: () => Record<string, unknown>;
}) {
  const t = useTranslate();
  const [locale] = useLocaleState();
  const inputId = useId();
  const errorId = useId();
  const [email, setEmail] = useState('');
  // Opened: offer the address already entered in the form.
  const prefill = () => {
    const fromForm = getPath(currentData(), 'applicant.email');
    if (!email && typeof fromForm === 'string') setEmail(fromForm);
  };
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'sending' }
    | { kind: 'saved'; until: string }
    | { kind: 'error'; text: string; field: boolean }
  >({ kind: 'idle' });
  const inFlight = useRef(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    setState({ kind: 'sending' });
    try {
      const { data } = submittableData(schema, currentData(), new Map());
      const saved = await portalApi.saveDraft(locale, {
        tenantId,
        serviceId,
        email,
        language: locale === 'en' ? 'en' : 'de',
        data,
      });
      setState({
        kind: 'saved',
        until: new Date(saved.expiresAt).toLocaleDateString(locale),
      });
    } catch (error) {
      const problem = error instanceof ApiProblem ? error : new ApiProblem(0, '');
      const emailError = problem.errors.find((e) => e.field === 'email');
      setState({
        kind: 'error',
        field: Boolean(emailError),
        text: emailError
          ? t('portal.form.draft.emailInvalid')
          : problem.status === 0
            ? t('portal.status.unavailable')
            : problem.title,
      });
    } finally {
      inFlight.current = false;
    }
  };

  const fieldError = state.kind === 'error' && state.field;
  return (
    <details className="draft-save" onToggle={prefill}>
      <summary>{t('portal.form.draft.title')}</summary>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <p>{t('portal.form.draft.text')}</p>
        <label className="field-label" htmlFor={inputId}>
          {t('portal.form.draft.email')}
        </label>
        {fieldError && (
          <p className="field-error" id={errorId}>
            {state.text}
          </p>
        )}
        <input
          id={inputId}
          className="text-input"
          type="email"
          autoComplete="email"
          required
          aria-invalid={fieldError}
          aria-describedby={fieldError ? errorId : undefined}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <div>
          <button
            type="submit"
            className="button button--secondary"
            disabled={state.kind === 'sending'}
          >
            {t('portal.form.draft.save')}
          </button>
        </div>
        <div role="status">
          {state.kind === 'saved' && (
            <p className="notice">{t('portal.form.draft.saved', { date: state.until })}</p>
          )}
          {state.kind === 'error' && !state.field && <p className="notice">{state.text}</p>}
        </div>
      </form>
    </details>
  );
}
