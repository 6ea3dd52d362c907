/**
 * The back office's dashboard: four charts of one tenant, one SQL each over indexed columns.
 *
 * | chart                    | table            | index                                         |
 * |--------------------------|------------------|-----------------------------------------------|
 * | cases per service & week | cases            | cases_tenant_submitted_idx (tenant, submitted)|
 * | median lead time         | cases            | cases_tenant_decided_idx (tenant, decided)    |
 * | open tasks per group     | task_candidates  | task_candidates_due_idx (tenant, candidate, …) |
 * | overdue tasks per group  | task_candidates  | task_candidates_due_idx (… due_sort)          |
 *
 * Weeks start on Monday in Swiss time. Lead time is submission to decision, in days, of the
 * cases decided in the period. Task counts are of open staff tasks now (`task_candidates` holds
 * only those), per candidate group.
 */
import type { Knex } from 'knex';
import type { LocalizedText } from '../services/serviceManifest';

export const TIME_ZONE = 'Europe/Zurich';

export interface DashboardStats {
  tenantId: string;
  /** Start of the period: Monday 00:00 Swiss time, `weeks` weeks back including this one. */
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

export class DashboardService {
  constructor(
    private readonly knex: Knex,
    private readonly serviceTitle: (serviceId: string) => LocalizedText,
  ) {}

  async stats(tenantId: string, weeks: number, now = new Date()): Promise<DashboardStats> {
    const from = await this.periodStart(weeks, now);
    const [perWeek, leadTime, open, overdue, groups] = await Promise.all([
      this.casesPerWeek(tenantId, from),
      this.leadTime(tenantId, from),
      this.openTasksByGroup(tenantId),
      this.overdueTasksByGroup(tenantId, now),
      this.groupNames(tenantId),
    ]);
    const groupName = (group: string) => groups.get(group) ?? group;
    return {
      tenantId,
      from: from.toISOString(),
      weeks,
      casesPerWeek: perWeek.map((row) => ({
        week: row.week,
        serviceId: row.service_id,
        serviceTitle: this.serviceTitle(row.service_id),
        cases: Number(row.cases),
      })),
      leadTime: leadTime.map((row) => ({
        serviceId: row.service_id,
        serviceTitle: this.serviceTitle(row.service_id),
        medianDays: Math.round(Number(row.median_days) * 10) / 10,
        decidedCases: Number(row.decided),
      })),
      openTasksByGroup: open.map((row) => ({
        group: row.group_key,
        groupName: groupName(row.group_key),
        open: Number(row.open),
      })),
      overdueTasksByGroup: overdue.map((row) => ({
        group: row.group_key,
        groupName: groupName(row.group_key),
        overdue: Number(row.overdue),
      })),
    };
  }

  /** Monday 00:00 (Swiss time) of the week `weeks - 1` weeks before the one of `now`. */
  private async periodStart(weeks: number, now: Date): Promise<Date> {
    const result = await this.knex.raw<{ rows: { from: Date | string }[] }>(
      `select (date_trunc('week', ?::timestamptz at time zone ?) - make_interval(weeks => ?))
         at time zone ? as "from"`,
      [now.toISOString(), TIME_ZONE, weeks - 1, TIME_ZONE],
    );
    return new Date(result.rows[0]!.from);
  }

  private casesPerWeek(tenantId: string, from: Date) {
    return this.knex('public.cases')
      .where('tenant_id', tenantId)
      .andWhere('submitted_at', '>=', from)
      .select(
        'service_id',
        this.knex.raw(
          `to_char(date_trunc('week', submitted_at at time zone ?), 'YYYY-MM-DD') as week`,
          [TIME_ZONE],
        ),
      )
      .count({ cases: '*' })
      .groupBy('service_id', 'week')
      .orderBy([{ column: 'week' }, { column: 'service_id' }]) as unknown as Promise<
      { service_id: string; week: string; cases: number | string }[]
    >;
  }

  private leadTime(tenantId: string, from: Date) {
    return this.knex('public.cases')
      .where('tenant_id', tenantId)
      .andWhere('decided_at', '>=', from)
      .select(
        'service_id',
        this.knex.raw(
          `percentile_cont(0.5) within group (order by extract(epoch from (decided_at - submitted_at)) / 86400) as median_days`,
        ),
      )
      .count({ decided: '*' })
      .groupBy('service_id')
      .orderBy('service_id') as unknown as Promise<
      { service_id: string; median_days: number | string; decided: number | string }[]
    >;
  }

  private openTasksByGroup(tenantId: string) {
    return this.knex('public.task_candidates')
      .where('tenant_id', tenantId)
      .andWhere('candidate', 'like', 'group:%')
      .select(this.knex.raw(`substr(candidate, 7) as group_key`))
      .count({ open: '*' })
      .groupBy('candidate')
      .orderBy('candidate') as unknown as Promise<{ group_key: string; open: number | string }[]>;
  }

  private overdueTasksByGroup(tenantId: string, now: Date) {
    return this.knex('public.task_candidates')
      .where('tenant_id', tenantId)
      .andWhere('candidate', 'like', 'group:%')
      .andWhere('due_sort', '<', now)
      .select(this.knex.raw(`substr(candidate, 7) as group_key`))
      .count({ overdue: '*' })
      .groupBy('candidate')
      .orderBy('candidate') as unknown as Promise<
      { group_key: string; overdue: number | string }[]
    >;
  }

  private async groupNames(tenantId: string): Promise<Map<string, string>> {
    const rows = (await this.knex('public.staff_groups')
      .where('tenant_id', tenantId)
      .select('key', 'name')) as { key: string; name: string }[];
    return new Map(rows.map((row) => [row.key, row.name]));
  }
}
