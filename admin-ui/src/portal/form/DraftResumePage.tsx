import { useEffect, useRef, useState } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useLocaleState, useTranslate } from '../../i18n';
import { useDocumentTitle } from '../../layout/useDocumentTitle';
import { ApiProblem, portalApi } from '../api/portalApi';
import { LoadFailed } from '../LoadFailed';
import { useFormFillStore } from './FormFillProvider';

/**
 * `/drafts/resume#<token>` — the mailed link of a saved form: loads the draft into the store
 * and continues on the form. The token stays after `#`, so it never reaches a server log.
 */
export function DraftResumePage() {
  const t = useTranslate();
  const [locale] = useLocaleState();
  const { hash } = useLocation();
  const store = useFormFillStore();
  const [target, setTarget] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const started = useRef(false);
  useDocumentTitle(t('portal.form.draft.resumeTitle'));

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const token = hash.replace(/^#/, '');
    portalApi.draft(locale, token).then(
      (draft) => {
        const key = `${draft.tenantId}/${draft.serviceId}`;
        store.reset(key);
        store.update(key, { data: draft.data });
        setTarget(`/${draft.tenantId}/${draft.serviceId}/form`);
      },
      (error: unknown) =>
        setProblem(error instanceof ApiProblem ? error : new ApiProblem(0, String(error))),
    );
  }, [hash, locale, store]);

  if (target) return <Navigate to={target} replace />;
  return (
    <>
      <h1>{t('portal.form.draft.resumeTitle')}</h1>
      {problem ? (
        problem.status === 404 ? (
          <p className="notice" role="alert">
            {t('portal.form.draft.expired')}
          </p>
        ) : (
          <LoadFailed problem={problem} />
        )
      ) : (
        <p role="status">{t('portal.common.loading')}</p>
      )}
    </>
  );
}
