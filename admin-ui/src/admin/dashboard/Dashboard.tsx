import {
  Alert,
  CircularProgress,
  Grid,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Title, useLocaleState } from 'react-admin';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { localized } from '../cases/caseTypes';
import { useApi } from '../diagram/useApi';
import { useT } from '../i18n/useT';
import { BarChartCard } from './BarChartCard';
import { ChartCard } from './ChartCard';
import { casesByWeek, type DashboardStats } from './dashboardTypes';

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11). */
const PALETTE = ['#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#4e342e'];

/** The start page: cases per service and week, median lead time, open and overdue tasks. */
export function Dashboard() {
  const t = useT();
  const [locale] = useLocaleState();
  const [weeks, setWeeks] = useState(12);
  const stats = useApi<DashboardStats>(`/api/dashboard?weeks=${weeks}`);
  const title = (serviceId: string) =>
    localized(
      stats.data?.casesPerWeek.find((r) => r.serviceId === serviceId)?.serviceTitle,
      locale,
    ) || serviceId;

  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={t('shell.dashboard.title')} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography component="h1" variant="h5" sx={{ flexGrow: 1 }}>
          {t('shell.dashboard.title')}
        </Typography>
        <TextField
          select
          size="small"
          label={t('dashboard.period')}
          value={weeks}
          onChange={(event) => setWeeks(Number(event.target.value))}
        >
          {[4, 12, 26, 52].map((n) => (
            <MenuItem key={n} value={n}>
              {t('dashboard.weeks', { smart_count: n })}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {stats.error && <Alert severity="error">{stats.error.message}</Alert>}
      {!stats.data && !stats.error && <CircularProgress aria-label={t('dashboard.loading')} />}
      {stats.data && <Charts stats={stats.data} title={title} />}
    </Stack>
  );
}

function Charts({ stats, title }: { stats: DashboardStats; title: (id: string) => string }) {
  const t = useT();
  const [locale] = useLocaleState();
  const perWeek = casesByWeek(stats);
  const leadTime = stats.leadTime.map((r) => ({
    ...r,
    service: localized(r.serviceTitle, locale),
  }));
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 6 }}>
        <ChartCard
          title={t('dashboard.casesPerWeek')}
          empty={!perWeek.rows.length}
          columns={[t('dashboard.week'), t('dashboard.service'), t('dashboard.cases')]}
          rows={stats.casesPerWeek.map((r) => [r.week, title(r.serviceId), r.cases])}
        >
          <ResponsiveContainer>
            <BarChart data={perWeek.rows}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="week" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              {perWeek.services.map((service, index) => (
                <Bar
                  key={service}
                  dataKey={service}
                  name={title(service)}
                  stackId="cases"
                  fill={PALETTE[index % PALETTE.length]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <BarChartCard
          title={t('dashboard.leadTime')}
          data={leadTime}
          x="service"
          y="medianDays"
          yName={t('dashboard.medianDays')}
          fill={PALETTE[0]}
          columns={[t('dashboard.service'), t('dashboard.medianDays'), t('dashboard.decidedCases')]}
          rows={leadTime.map((r) => [r.service, r.medianDays, r.decidedCases])}
        />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <BarChartCard
          title={t('dashboard.openTasks')}
          data={stats.openTasksByGroup}
          x="groupName"
          y="open"
          yName={t('dashboard.open')}
          fill={PALETTE[2]}
          allowDecimals={false}
          columns={[t('dashboard.group'), t('dashboard.open')]}
          rows={stats.openTasksByGroup.map((r) => [r.groupName, r.open])}
        />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <BarChartCard
          title={t('dashboard.overdueTasks')}
          data={stats.overdueTasksByGroup}
          x="groupName"
          y="overdue"
          yName={t('dashboard.overdue')}
          fill={PALETTE[1]}
          allowDecimals={false}
          columns={[t('dashboard.group'), t('dashboard.overdue')]}
          rows={stats.overdueTasksByGroup.map((r) => [r.groupName, r.overdue])}
        />
      </Grid>
    </Grid>
  );
}
