import type { Form } from '@bpmn-io/form-js-viewer';
import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslate } from '../../i18n';
import { useDocumentTitle } from '../../layout/useDocumentTitle';
import { LoadFailed } from '../LoadFailed';
import { DraftSave } from './DraftSave';
import { ErrorSummary, type SummaryError } from './ErrorSummary';
import { errorsByComponent, valueFields } from './formSchema';
import { translateFormJsErrors } from './formJsErrors';
import { FormViewer, type FormSnapshot } from './FormViewer';
import { useServiceForm } from './useServiceForm';

/** The form-js input of a field: its id ends with the component id. */
function inputIdOf(componentId: string): string | null {
  return document.querySelector(`.form-viewer [id$="-${CSS.escape(componentId)}"]`)?.id ?? null;
}

/** `/:tenantId/:serviceId/form` — the start form; "Continue" validates and goes to review. */
export function FormPage() {
  const t = useTranslate();
  const navigate = useNavigate();
  const { tenantId, serviceId, loaded, schema, title, fill, update } = useServiceForm();
  const form = useRef<Form | null>(null);
  const [summary, setSummary] = useState<SummaryError[]>([]);
  useDocumentTitle(title ? t('portal.form.title', { title }) : t('portal.common.loading'));

  const serverErrors = useMemo(
    () => (schema ? errorsByComponent(schema, fill.serverErrors) : {}),
    [schema, fill.serverErrors],
  );
  const labels = useMemo(
    () => new Map((schema ? valueFields(schema) : []).map((f) => [f.component.id, f.label])),
    [schema],
  );

  if (loaded.state === 'loading') return <p role="status">{t('portal.common.loading')}</p>;
  if (loaded.state === 'failed') return <LoadFailed problem={loaded.problem} />;
  if (!schema) return <p>{t('portal.service.noForm')}</p>;

  const save = (snapshot: FormSnapshot) => {
    fill.data = snapshot.data;
    fill.files = snapshot.files;
  };

  const toSummary = (errors: Record<string, string[]>): SummaryError[] =>
    Object.entries(errors).flatMap(([id, messages]) =>
      messages.map((message) => ({
        target: inputIdOf(id),
        text: `${labels.get(id) ?? id}: ${message}`,
      })),
    );

  const proceed = () => {
    const viewer = form.current;
    if (!viewer) return;
    const result = viewer.submit();
    if (Object.keys(result.errors).length) {
      const translated = translateFormJsErrors(result.errors, t);
      viewer._setState({ errors: translated });
      setSummary(toSummary(translated));
      return;
    }
    update({
      data: result.data as Record<string, unknown>,
      files: result.files,
      serverErrors: [],
    });
    void navigate(`/${tenantId}/${serviceId}/review`);
  };

  const shownSummary = summary.length ? summary : toSummary(serverErrors);

  return (
    <>
      <nav aria-label={t('portal.common.breadcrumb')} className="breadcrumb">
        <Link to={`/${tenantId}/${serviceId}`}>{t('portal.common.back')}</Link>
      </nav>
      <h1>{title}</h1>
      <ErrorSummary errors={shownSummary} />
      <FormViewer
        schema={schema}
        initial={{ data: fill.data, files: fill.files }}
        errors={serverErrors}
        onChange={save}
        formRef={form}
      />
      <div className="button-group">
        <button type="button" className="button" onClick={proceed}>
          {t('portal.form.continue')}
        </button>
      </div>
      <DraftSave
        tenantId={tenantId}
        serviceId={serviceId}
        schema={schema}
        currentData={() => fill.data}
      />
    </>
  );
}
