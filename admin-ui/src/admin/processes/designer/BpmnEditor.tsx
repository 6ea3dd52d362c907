import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { useT } from '../../i18n/useT';
import { DiagramMarkers, type DiagramServices } from './diagramMarkers';
import { lintDefinitions, type LintIssue } from './lint';

export interface BpmnEditorHandle {
  saveXml(): Promise<string>;
  showDeploymentProblems(problems: readonly { elementId: string | null; message: string }[]): void;
  select(elementId: string): void;
  /** After the editor was hidden: fit the diagram into its (new) size. */
  resized(): void;
}

interface Props {
  xml: string;
  /** The file name, for the canvas' accessible name. */
  name: string;
  onChange(): void;
  onLint(issues: LintIssue[]): void;
  ref?: Ref<BpmnEditorHandle>;
}

const LINT_DELAY_MS = 300;

/**
 * bpmn-js's Modeler with Camunda 8 (zeebe-bpmn-moddle, the Zeebe properties panel and
 * camunda-bpmn-js-behaviors), linted with bpmnlint after every change; lint issues and the
 * engine's deployment errors are shown at their elements.
 */
export function BpmnEditor({ xml, name, onChange, onLint, ref }: Props) {
  const t = useT();
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<BpmnModeler | null>(null);
  const markersRef = useRef<DiagramMarkers | null>(null);
  const callbacks = useRef({ onChange, onLint, t });
  callbacks.current = { onChange, onLint, t };

  useEffect(() => {
    const modeler = new BpmnModeler({
      container: canvasRef.current!,
      propertiesPanel: { parent: panelRef.current! },
      additionalModules: [
        BpmnPropertiesPanelModule,
        BpmnPropertiesProviderModule,
        ZeebePropertiesProviderModule,
        ZeebeBehaviorsModule,
      ],
      moddleExtensions: { zeebe: zeebeModdle },
    });
    modelerRef.current = modeler;
    const services: DiagramServices = {
      canvas: modeler.get('canvas'),
      overlays: modeler.get('overlays'),
      elementRegistry: modeler.get('elementRegistry'),
    };
    const markers = new DiagramMarkers(services);
    markersRef.current = markers;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let disposed = false;
    const lint = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        lintDefinitions(modeler.getDefinitions())
          .then((issues) => {
            if (disposed) return;
            markers.showLint(issues, (count) =>
              callbacks.current.t('designer.lint.badge', { smart_count: count }),
            );
            callbacks.current.onLint(issues);
          })
          .catch(() => callbacks.current.onLint([]));
      }, LINT_DELAY_MS);
    };
    modeler.on('commandStack.changed', () => {
      callbacks.current.onChange();
      lint();
    });
    modeler
      .importXML(xml)
      .then(() => {
        (modeler.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
        lint();
      })
      .catch(() => callbacks.current.onLint([]));
    return () => {
      disposed = true;
      clearTimeout(timer);
      modeler.destroy();
    };
    // The diagram is imported once per mount; the designer remounts for another model.
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      async saveXml() {
        const { xml: saved } = await modelerRef.current!.saveXML({ format: true });
        return saved ?? '';
      },
      showDeploymentProblems(problems) {
        markersRef.current?.showDeploymentProblems(problems);
      },
      select(elementId) {
        const modeler = modelerRef.current;
        if (!modeler) return;
        const element = (modeler.get('elementRegistry') as { get(id: string): unknown }).get(
          elementId,
        );
        if (!element) return;
        (modeler.get('selection') as { select(element: unknown): void }).select(element);
        (modeler.get('canvas') as { scrollToElement(element: unknown): void }).scrollToElement(
          element,
        );
      },
      resized() {
        const canvas = modelerRef.current?.get('canvas') as
          { resized(): void; zoom(level: string): void } | undefined;
        canvas?.resized();
        canvas?.zoom('fit-viewport');
      },
    }),
    [],
  );

  return (
    <div className="sp-bpmn-editor">
      <div
        ref={canvasRef}
        className="sp-bpmn-canvas"
        role="application"
        aria-label={t('designer.canvasLabel', { name })}
      />
      <aside
        ref={panelRef}
        className="sp-properties-panel"
        aria-label={t('designer.propertiesLabel')}
      />
    </div>
  );
}
