import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { Form } from '@bpmn-io/form-js-viewer';
import { useEffect, useRef, type RefObject } from 'react';

/**
 * The request's Camunda Form in form-js's viewer, pre-filled with the values the office
 * sent (e.g. the dog's name in the text). The caller submits through `formRef`
 * (`submit()` validates like the server and returns data, errors and the chosen files).
 */
export function RequestForm({
  schema,
  variables,
  formRef,
}: {
  schema: Record<string, unknown>;
  variables: Record<string, unknown>;
  formRef: RefObject<Form | null>;
}) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return;
    const viewer = new Form({ container: container.current });
    formRef.current = viewer;
    void viewer.importSchema(schema, structuredClone(variables));
    return () => {
      viewer.destroy();
      if (formRef.current === viewer) formRef.current = null;
    };
  }, [schema, variables, formRef]);

  return <div ref={container} className="form-viewer" />;
}
