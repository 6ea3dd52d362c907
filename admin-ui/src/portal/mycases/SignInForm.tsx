import { useId, useState, type FormEvent } from 'react';
import { useLocaleState, useTranslate } from '../../i18n';
import { ApiProblem } from '../tracking/citizenApi';
import type { MyCasesSession } from '../tracking/caseToken';
import { openSession, requestCode } from './myCasesApi';

/**
 * Sign-in in two steps, one question per page: the e-mail address (a code is mailed), then
 * the 6-digit code. Errors are tied to their field (aria-describedby) and focusable.
 */
export function SignInForm({ onSignedIn }: { onSignedIn: (session: MyCasesSession) => void }) {
  const t = useTranslate();
  const [locale] = useLocaleState();
  const emailId = useId();
  const codeId = useId();
  const errorId = useId();
  const [step, setStep] = useState<'email' | 'code'>('email');
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const value = step === 'email' ? email.trim() : code.trim();
    if (step === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
      setError(t('portal.myCases.email.invalid'));
      return;
    }
    if (step === 'code' && !/^\d{6}$/.test(value)) {
      setError(t('portal.myCases.code.invalid'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      if (step === 'email') {
        await requestCode(value, locale);
        setStep('code');
      } else {
        onSignedIn(await openSession(email.trim(), value, locale));
      }
    } catch (problem) {
      setError(
        problem instanceof ApiProblem && problem.status === 401
          ? t('portal.myCases.code.wrong')
          : problem instanceof ApiProblem
            ? problem.message
            : t('portal.myCases.error'),
      );
    } finally {
      setBusy(false);
    }
  }

  const field =
    step === 'email' ? (
      <>
        <label htmlFor={emailId}>{t('portal.myCases.email.label')}</label>
        <p className="case-hint" id={`${emailId}-hint`}>
          {t('portal.myCases.email.hint')}
        </p>
        <input
          id={emailId}
          name="email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${emailId}-hint${error ? ` ${errorId}` : ''}`}
        />
      </>
    ) : (
      <>
        <label htmlFor={codeId}>{t('portal.myCases.code.label')}</label>
        <p className="case-hint" id={`${codeId}-hint`}>
          {t('portal.myCases.code.hint', { email: email.trim() })}
        </p>
        <input
          id={codeId}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${codeId}-hint${error ? ` ${errorId}` : ''}`}
        />
      </>
    );

  return (
    <form className="panel" noValidate onSubmit={(event) => void submit(event)}>
      <div className={error ? 'case-field case-field--error' : 'case-field'}>
        {field}
        {error && (
          <p id={errorId} className="case-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="case-button" disabled={busy}>
        {step === 'email' ? t('portal.myCases.email.submit') : t('portal.myCases.code.submit')}
      </button>
      {step === 'code' && (
        <p>
          <button
            type="button"
            className="case-link-button"
            onClick={() => {
              setStep('email');
              setCode('');
              setError(undefined);
            }}
          >
            {t('portal.myCases.code.again')}
          </button>
        </p>
      )}
    </form>
  );
}
