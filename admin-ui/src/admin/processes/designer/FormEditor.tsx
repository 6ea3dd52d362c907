import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import { FormEditor as FormJsEditor } from '@bpmn-io/form-js-editor';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { useT } from '../../i18n/useT';

export interface FormEditorHandle {
  saveJson(): string;
}

interface Props {
  json: string;
  name: string;
  onChange(): void;
  ref?: Ref<FormEditorHandle>;
}

/** form-js's editor for one `.form` file (Camunda Forms JSON). */
export function FormEditor({ json, name, onChange, ref }: Props) {
  const t = useT();
  const containerRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<FormJsEditor | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const editor = new FormJsEditor({ container: containerRef.current! });
    editorRef.current = editor;
    let imported = false;
    editor.on('changed', () => {
      if (imported) changed.current();
    });
    editor
      .importSchema(JSON.parse(json) as Parameters<FormJsEditor['importSchema']>[0])
      .then(() => {
        imported = true;
      })
      .catch(() => undefined);
    return () => editor.destroy();
    // Imported once per mount, like the BPMN editor.
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      saveJson: () => `${JSON.stringify(editorRef.current!.saveSchema(), null, 2)}\n`,
    }),
    [],
  );

  return (
    <div
      ref={containerRef}
      className="sp-form-editor"
      role="region"
      aria-label={t('designer.formLabel', { name })}
    />
  );
}
