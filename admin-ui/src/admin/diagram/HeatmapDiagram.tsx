import {
  Alert,
  Box,
  CircularProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';
import { useCallback } from 'react';
import { useT } from '../i18n/useT';
import { badge, BpmnDiagram, type DiagramServices } from './BpmnDiagram';
import type { ElementStatistics, ProcessDefinition } from './monitoringTypes';
import { useApi } from './useApi';

/** Heat level 1 … 4 of an element: its share of the busiest element's running instances. */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4)));
}

/**
 * The heatmap of a process version: per element, the running instances (badge and colour),
 * open incidents and completions over all its instances, on the diagram and as a table.
 */
export function HeatmapDiagram({ definitionKey }: { definitionKey: string }) {
  const t = useT();
  const definition = useApi<ProcessDefinition>(
    `/api/monitoring/process-definitions/${definitionKey}/xml`,
  );
  const statistics = useApi<ElementStatistics>(
    `/api/monitoring/process-definitions/${definitionKey}/statistics`,
  );
  const items = statistics.data?.items;
  const decorate = useCallback(
    ({ canvas, overlays, has }: DiagramServices) => {
      if (!items) return;
      const max = Math.max(0, ...items.map((s) => s.active + s.incidents));
      for (const s of items) {
        if (!has(s.activityId)) continue;
        const level = heatLevel(s.active + s.incidents, max);
        if (level) canvas.addMarker(s.activityId, `sp-heat-${level}`);
        if (s.active) {
          overlays.add(s.activityId, {
            position: { bottom: 8, left: -8 },
            html: badge(String(s.active), 'active'),
          });
        }
        if (s.incidents) {
          overlays.add(s.activityId, {
            position: { top: -8, right: 8 },
            html: badge(String(s.incidents), 'incident'),
          });
        }
      }
    },
    [items],
  );

  if (definition.error || statistics.error) {
    return <Alert severity="warning">{t('diagram.heatmapUnavailable')}</Alert>;
  }
  if (!definition.data || !items) return <CircularProgress aria-label={t('diagram.loading')} />;
  return (
    <Box>
      <BpmnDiagram
        xml={definition.data.bpmnXml}
        label={t('diagram.heatmapLabel', {
          process: definition.data.bpmnProcessId,
          version: definition.data.version,
        })}
        decorate={decorate}
      />
      {!statistics.data?.complete && <Alert severity="info">{t('diagram.incomplete')}</Alert>}
      <Table size="small" sx={{ mt: 1 }} aria-label={t('diagram.heatmapTable')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('diagram.element')}</TableCell>
            <TableCell align="right">{t('diagram.active')}</TableCell>
            <TableCell align="right">{t('diagram.incident')}</TableCell>
            <TableCell align="right">{t('diagram.completed')}</TableCell>
            <TableCell align="right">{t('diagram.canceled')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((s) => (
            <TableRow key={s.activityId}>
              <TableCell>{s.activityId}</TableCell>
              <TableCell align="right">{s.active}</TableCell>
              <TableCell align="right">{s.incidents}</TableCell>
              <TableCell align="right">{s.completed}</TableCell>
              <TableCell align="right">{s.canceled}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
