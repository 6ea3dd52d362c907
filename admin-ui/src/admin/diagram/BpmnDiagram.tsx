import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './diagram.css';
import { Box } from '@mui/material';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef, useState } from 'react';

/** What a decorator can use of the viewer (diagram-js services by name). */
export interface DiagramServices {
  canvas: {
    addMarker(element: string, marker: string): void;
    zoom(level: 'fit-viewport', center?: 'auto'): void;
  };
  overlays: {
    add(element: string, overlay: { position: Record<string, number>; html: HTMLElement }): void;
  };
  /** Whether the diagram has a shape for the element. */
  has(elementId: string): boolean;
}

/**
 * A read-only BPMN diagram (bpmn-js NavigatedViewer: drag to pan, Ctrl + wheel to zoom) that
 * `decorate` marks up with markers and overlays once the XML is imported. The container is
 * focusable and labelled; the page next to it says in words what the markers show.
 */
export function BpmnDiagram(props: {
  xml: string;
  label: string;
  decorate?: (services: DiagramServices) => void;
  height?: number;
  onError?: (error: Error) => void;
}) {
  const { xml, label, decorate, height = 420, onError } = props;
  const container = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!container.current) return undefined;
    const viewer = new NavigatedViewer({ container: container.current });
    let cancelled = false;
    viewer.importXML(xml).then(
      () => {
        if (cancelled) return;
        const canvas = viewer.get<DiagramServices['canvas']>('canvas');
        const overlays = viewer.get<DiagramServices['overlays']>('overlays');
        const registry = viewer.get<{ get(id: string): unknown }>('elementRegistry');
        canvas.zoom('fit-viewport', 'auto');
        decorate?.({ canvas, overlays, has: (id) => registry.get(id) !== undefined });
        setReady(true);
      },
      (error: unknown) => {
        if (!cancelled) onError?.(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return () => {
      cancelled = true;
      viewer.destroy();
    };
  }, [xml, decorate, onError]);

  return (
    <Box
      ref={container}
      role="img"
      aria-label={label}
      aria-busy={!ready}
      tabIndex={0}
      data-testid="bpmn-diagram"
      className="sp-diagram"
      sx={{
        height,
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'background.paper',
        '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main' },
      }}
    />
  );
}

/** An overlay badge (a count or a sign) for a diagram element. */
export function badge(text: string, kind: 'active' | 'incident' | 'completed' | 'canceled') {
  const element = document.createElement('span');
  element.className = `sp-badge sp-badge-${kind}`;
  element.textContent = text;
  return element;
}
