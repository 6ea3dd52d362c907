import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { Form } from '@bpmn-io/form-js-viewer';
import { useEffect, useRef, type RefObject } from 'react';
import type { FormSchema } from '../api/portalApi';

export interface FormSnapshot {
  data: Record<string, unknown>;
  files: Map<string, File[]>;
}

interface FileRegistry {
  setFiles(key: string, files: File[]): void;
  getAllFiles(): Map<string, File[]>;
}

/**
 * form-js's viewer over the citizen's data. The data and the chosen files live in the store
 * above the routes (`initial`), and every change goes back there (`onChange`), so a new
 * schema (another language) re-opens the form with everything entered, files included.
 */
export function FormViewer({
  schema,
  initial,
  errors,
  onChange,
  formRef,
}: {
  schema: FormSchema;
  initial: FormSnapshot;
  /** Messages by component id to show at the fields (the server's, translated). */
  errors: Record<string, string[]>;
  onChange: (snapshot: FormSnapshot) => void;
  formRef: RefObject<Form | null>;
}) {
  const container = useRef<HTMLDivElement>(null);
  // Read when the viewer is (re)created only: the viewer itself holds the live values.
  const latest = useRef({ initial, errors, onChange });
  latest.current = { initial, errors, onChange };

  useEffect(() => {
    if (!container.current) return;
    // No debounce: every keystroke reaches the store at once (a language switch right after
    // typing keeps it), and a late debounced update cannot undo a click made in between.
    // `debounce` is read from the options by form-js's config service; its types omit it.
    const options = { container: container.current, debounce: false };
    const viewer = new Form(options);
    formRef.current = viewer;
    const registry = viewer.get('fileRegistry') as FileRegistry;
    // The registry is emptied when a schema is imported: put the chosen files back before the
    // file pickers look for them.
    viewer.on('import.done', () => {
      for (const [key, files] of latest.current.initial.files) registry.setFiles(key, files);
    });
    viewer.on('changed', (event: { data: Record<string, unknown> }) => {
      latest.current.onChange({ data: event.data, files: registry.getAllFiles() });
    });
    void viewer.importSchema(schema, structuredClone(latest.current.initial.data)).then(() => {
      const shown = latest.current.errors;
      // form-js has no public setter for errors; its own validate() sets them the same way.
      if (Object.keys(shown).length) viewer._setState({ errors: shown });
    });
    return () => {
      viewer.destroy();
      if (formRef.current === viewer) formRef.current = null;
    };
  }, [schema, formRef]);

  return <div ref={container} className="form-viewer" />;
}
