import type { LocalizedText } from '../cases/caseTypes';

/** GET /api/dashboard (server/src/dashboard/dashboard.service.ts). */
export interface DashboardStats {
  tenantId: string;
  from: string;
  weeks: number;
  casesPerWeek: { week: string; serviceId: string; serviceTitle: LocalizedText; cases: number }[];
  leadTime: {
    serviceId: string;
    serviceTitle: LocalizedText;
    medianDays: number;
    decidedCases: number;
  }[];
  openTasksByGroup: { group: string; groupName: string; open: number }[];
  overdueTasksByGroup: { group: string; groupName: string; overdue: number }[];
}

/** Cases per week as recharts rows: one row per week, one column per service. */
export function casesByWeek(stats: DashboardStats): {
  rows: Record<string, string | number>[];
  services: string[];
} {
  const services = [...new Set(stats.casesPerWeek.map((r) => r.serviceId))].sort();
  const weeks = new Map<string, Record<string, string | number>>();
  for (const row of stats.casesPerWeek) {
    const week = weeks.get(row.week) ?? { week: row.week };
    week[row.serviceId] = row.cases;
    weeks.set(row.week, week);
  }
  return { rows: [...weeks.values()], services };
}
