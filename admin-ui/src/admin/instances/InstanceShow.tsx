import {
  Box,
  Card,
  CardContent,
  CircularProgress,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Link, Show, useRecordContext } from 'react-admin';
import { HeatmapDiagram } from '../diagram/HeatmapDiagram';
import { InstanceDiagram } from '../diagram/InstanceDiagram';
import type { InstanceView } from '../diagram/monitoringTypes';
import { useT } from '../i18n/useT';
import { CancelInstanceButton } from '../incidents/CancelInstanceButton';
import { RetryButton } from '../incidents/RetryButton';
import { InstanceStateChip } from './InstanceStateChip';

/** One instance: its tokens on the diagram, its version's heatmap, incidents and variables. */
export function InstanceShow() {
  const t = useT();
  return (
    <Show title={t('resources.instances.titleOne')} actions={false}>
      <InstanceDetail />
    </Show>
  );
}

function InstanceDetail() {
  const t = useT();
  const view = useRecordContext<InstanceView & { id: string }>();
  const [tab, setTab] = useState(0);
  // react-admin shows the list's row while the instance loads: wait for the whole view.
  if (!view || !Array.isArray(view.flowNodeInstances)) {
    return <CircularProgress aria-label={t('diagram.loading')} />;
  }
  const { instance, owner } = view;
  const running = instance.state === 'ACTIVE' || instance.state === 'INCIDENT';
  return (
    <Card>
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
          <Typography component="h1" variant="h5">
            {instance.bpmnProcessId} v{instance.processVersion} · {instance.key}
          </Typography>
          <InstanceStateChip state={instance.state} />
          {owner.caseId && (
            <Link to={`/cases/${owner.caseId}/show`}>
              {t('resources.instances.fields.case')}: {owner.caseReference}
            </Link>
          )}
          <Typography variant="body2">
            {t('resources.instances.fields.tenant')}: {owner.tenantId}
          </Typography>
          <Box sx={{ flexGrow: 1 }} />
          {view.canOperate && running && <CancelInstanceButton instanceKey={instance.key} />}
        </Stack>
        <Tabs
          value={tab}
          onChange={(_e, value: number) => setTab(value)}
          aria-label={t('resources.instances.tabs.label')}
        >
          <Tab label={t('resources.instances.tabs.diagram')} />
          <Tab label={t('resources.instances.tabs.heatmap')} />
          <Tab label={t('resources.instances.tabs.incidents')} />
          <Tab label={t('resources.instances.tabs.variables')} />
        </Tabs>
        <Box sx={{ pt: 2 }}>
          {tab === 0 && <InstanceDiagram view={view} />}
          {tab === 1 && <HeatmapDiagram definitionKey={instance.processDefinitionKey} />}
          {tab === 2 && (
            <Table size="small" aria-label={t('resources.instances.tabs.incidents')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('resources.incidents.fields.element')}</TableCell>
                  <TableCell>{t('resources.incidents.fields.type')}</TableCell>
                  <TableCell>{t('resources.incidents.fields.message')}</TableCell>
                  <TableCell>{t('resources.incidents.fields.state')}</TableCell>
                  <TableCell>{t('resources.incidents.fields.actions')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {view.incidents.map((incident) => (
                  <TableRow key={incident.key}>
                    <TableCell>{incident.flowNodeId}</TableCell>
                    <TableCell>{incident.type}</TableCell>
                    <TableCell>{incident.message}</TableCell>
                    <TableCell>{t(`resources.incidents.state.${incident.state}`)}</TableCell>
                    <TableCell>{view.canOperate && <RetryButton incident={incident} />}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {tab === 3 && <VariablesTable view={view} />}
        </Box>
      </CardContent>
    </Card>
  );
}

function VariablesTable({ view }: { view: InstanceView }) {
  const t = useT();
  return (
    <Table size="small" aria-label={t('resources.instances.tabs.variables')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('resources.cases.variables.name')}</TableCell>
          <TableCell>{t('resources.cases.variables.value')}</TableCell>
          <TableCell>{t('resources.instances.fields.scope')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {view.variables.map((variable) => (
          <TableRow key={variable.key}>
            <TableCell>{variable.name}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
              {variable.value}
            </TableCell>
            <TableCell>{variable.scopeKey}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
