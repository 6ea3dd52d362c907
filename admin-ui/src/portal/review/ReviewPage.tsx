import { useRef, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { useLocaleState, useTranslate } from '../../i18n';
import { useDocumentTitle } from '../../layout/useDocumentTitle';
import { ApiProblem, portalApi } from '../api/portalApi';
import { getPath, submittableData, valueFields, type ValueField } from '../form/formSchema';
import { useServiceForm } from '../form/useServiceForm';
import { LoadFailed } from '../LoadFailed';

/** The answer as the citizen chose it: option labels, yes/no, file names. */
function answerText(
  field: ValueField,
  value: unknown,
  files: Map<string, File[]>,
  t: ReturnType<typeof useTranslate>,
): string {
  const { component } = field;
  if (component.type === 'filepicker') {
    const chosen = typeof value === 'string' ? (files.get(value) ?? []) : [];
    return chosen.length ? chosen.map((file) => file.name).join(', ') : t('portal.review.none');
  }
  if (component.type === 'checkbox') return value ? t('portal.review.yes') : t('portal.review.no');
  if (value === undefined || value === null || value === '') return t('portal.review.none');
  const options = component.values;
  const label = (option: unknown) =>
    options?.find((entry) => entry.value === option)?.label ?? String(option);
  if (Array.isArray(value)) return value.map(label).join(', ');
  return options ? label(value) : String(value);
}

/** `/:tenantId/:serviceId/review` — "Check your answers", then send once. */
export function ReviewPage() {
  const t = useTranslate();
  const [locale] = useLocaleState();
  const navigate = useNavigate();
  const { tenantId, serviceId, loaded, schema, title, fill, update } = useServiceForm();
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // A second click can arrive before React re-renders the disabled button.
  const inFlight = useRef(false);
  useDocumentTitle(t('portal.review.title'));

  if (loaded.state === 'loading') return <p role="status">{t('portal.common.loading')}</p>;
  if (loaded.state === 'failed') return <LoadFailed problem={loaded.problem} />;
  if (!schema || !Object.keys(fill.data).length) {
    return <Navigate to={`/${tenantId}/${serviceId}/form`} replace />;
  }
  const formPath = `/${tenantId}/${serviceId}/form`;
  const fields = valueFields(schema);

  const send = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setSending(true);
    setProblem(null);
    try {
      const { data, files } = submittableData(schema, fill.data, fill.files);
      const language = locale === 'en' ? 'en' : 'de';
      const submitted = await portalApi.submit(
        locale,
        tenantId,
        serviceId,
        fill.idempotencyKey,
        { applicant: { language }, data },
        files,
      );
      update({ submitted });
      void navigate(`/${tenantId}/${serviceId}/confirmation/${submitted.reference}`);
    } catch (error) {
      inFlight.current = false;
      setSending(false);
      if (error instanceof ApiProblem && error.errors.length) {
        update({ serverErrors: error.errors });
        void navigate(formPath);
        return;
      }
      setProblem(
        error instanceof ApiProblem && error.status !== 0
          ? error.title
          : t('portal.status.unavailable'),
      );
    }
  };

  let lastGroup = '';
  return (
    <>
      <nav aria-label={t('portal.common.breadcrumb')} className="breadcrumb">
        <Link to={formPath}>{t('portal.common.back')}</Link>
      </nav>
      <span className="caption">{title}</span>
      <h1>{t('portal.review.title')}</h1>
      <dl className="summary-list">
        {fields.map((field) => {
          const group = field.groups.join(' – ');
          const heading = group !== lastGroup ? group : '';
          lastGroup = group;
          return (
            <div key={field.path}>
              {heading && <h2 className="summary-list__group">{heading}</h2>}
              <dt>{field.label}</dt>
              <dd>{answerText(field, getPath(fill.data, field.path), fill.files, t)}</dd>
              <dd className="summary-list__action">
                <Link to={formPath}>
                  {t('portal.review.change')}
                  <span className="visually-hidden"> {field.label}</span>
                </Link>
              </dd>
            </div>
          );
        })}
      </dl>
      <h2>{t('portal.review.sendTitle')}</h2>
      <p>{t('portal.review.sendText')}</p>
      {problem && (
        <p className="notice" role="alert">
          {problem}
        </p>
      )}
      <button
        type="button"
        className="button"
        disabled={sending}
        aria-disabled={sending}
        onClick={() => void send()}
      >
        {sending ? t('portal.review.sending') : t('portal.review.send')}
      </button>
    </>
  );
}
