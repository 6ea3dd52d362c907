import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { Alert, Box } from '@mui/material';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef, useState } from 'react';
import { apiFetch } from '../api/apiFetch';
import { useT } from '../i18n/useT';

interface Diagram {
  bpmnXml: string;
  elementId: string;
}

/** The task's process (GET /api/tasks/{id}/diagram) with the task's element highlighted. */
export function ProcessDiagram({ taskId }: { taskId: string }) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    const viewer = new NavigatedViewer({ container: container.current });
    let live = true;
    apiFetch<Diagram>(`/api/tasks/${encodeURIComponent(taskId)}/diagram`)
      .then(async ({ json }) => {
        if (!live) return;
        await viewer.importXML(json.bpmnXml);
        const canvas = viewer.get('canvas') as {
          zoom(level: string): void;
          addMarker(element: string, marker: string): void;
        };
        canvas.zoom('fit-viewport');
        canvas.addMarker(json.elementId, 'current-element');
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      viewer.destroy();
    };
  }, [taskId]);

  if (failed) return <Alert severity="info">{t('resources.tasks.noDiagram')}</Alert>;
  return (
    <Box
      ref={container}
      role="img"
      aria-label={t('resources.tasks.diagram')}
      sx={{
        height: 360,
        border: 1,
        borderColor: 'divider',
        '& .current-element .djs-visual > :nth-child(1)': {
          stroke: '#00497a !important',
          strokeWidth: '4px !important',
          fill: '#e3f2fd !important',
        },
      }}
    />
  );
}
