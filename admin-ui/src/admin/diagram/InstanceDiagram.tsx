import { Alert, Box, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import { useCallback, useMemo } from 'react';
import { useT } from '../i18n/useT';
import { badge, BpmnDiagram, type DiagramServices } from './BpmnDiagram';
import type { InstanceView, ProcessDefinition } from './monitoringTypes';
import { useApi } from './useApi';

/** Element ids by what the instance did there: active tokens, open incidents, completed. */
export function elementStates(view: InstanceView) {
  const incident = new Set(
    view.incidents.filter((i) => i.state === 'ACTIVE' && i.flowNodeId).map((i) => i.flowNodeId!),
  );
  const active = new Map<string, number>();
  const completed = new Set<string>();
  for (const node of view.flowNodeInstances) {
    if (node.type === 'PROCESS') continue;
    if (node.state === 'ACTIVE')
      active.set(node.flowNodeId, (active.get(node.flowNodeId) ?? 0) + 1);
    else if (node.state === 'COMPLETED') completed.add(node.flowNodeId);
  }
  return { incident, active, completed };
}

/**
 * The instance on its process diagram: completed elements outlined green, active ones blue
 * with their token count, elements with an open incident red with a warning badge; the same
 * in words below the diagram.
 */
export function InstanceDiagram({ view }: { view: InstanceView }) {
  const t = useT();
  const definition = useApi<ProcessDefinition>(
    `/api/monitoring/process-definitions/${view.instance.processDefinitionKey}/xml`,
  );
  const states = useMemo(() => elementStates(view), [view]);
  const decorate = useCallback(
    ({ canvas, overlays, has }: DiagramServices) => {
      for (const id of states.completed) if (has(id)) canvas.addMarker(id, 'sp-completed');
      for (const [id, count] of states.active) {
        if (!has(id)) continue;
        canvas.addMarker(id, 'sp-active');
        overlays.add(id, {
          position: { bottom: 8, left: -8 },
          html: badge(String(count), 'active'),
        });
      }
      for (const id of states.incident) {
        if (!has(id)) continue;
        canvas.addMarker(id, 'sp-incident');
        overlays.add(id, { position: { top: -8, right: 8 }, html: badge('!', 'incident') });
      }
    },
    [states],
  );

  if (definition.error) return <Alert severity="warning">{t('diagram.unavailable')}</Alert>;
  if (!definition.data) return <CircularProgress aria-label={t('diagram.loading')} />;
  const list = (ids: Iterable<string>) => [...ids].join(', ') || '—';
  return (
    <Box>
      <BpmnDiagram
        xml={definition.data.bpmnXml}
        label={t('diagram.instanceLabel', {
          process: definition.data.bpmnProcessId,
          version: definition.data.version,
        })}
        decorate={decorate}
      />
      <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 1 }}>
        <Chip
          size="small"
          color="primary"
          label={`${t('diagram.active')}: ${list(states.active.keys())}`}
        />
        <Chip
          size="small"
          color="error"
          label={`${t('diagram.incident')}: ${list(states.incident)}`}
        />
        <Chip
          size="small"
          color="success"
          variant="outlined"
          label={`${t('diagram.completed')}: ${states.completed.size}`}
        />
      </Stack>
      <Typography variant="caption" component="p" sx={{ mt: 1 }}>
        {t('diagram.help')}
      </Typography>
    </Box>
  );
}
