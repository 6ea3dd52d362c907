/**
 * ISO 8601 for BPMN timers, read the way Zeebe 8.6 reads them:
 * - timeDuration: PnYnMnDTnHnMnS and PnW — java.time Period (Y, M, W, D) plus Duration
 *   (H, M, S with a fraction of seconds), as Zeebe's `Interval.parse` combines them;
 * - timeDate: a date-time with offset or zone: 2026-11-28T10:00:00Z, …+01:00,
 *   …+01:00[Europe/Zurich], and FEEL's …@Europe/Zurich;
 * - timeCycle: R5/PT10S, R/PT1H, R3/2026-01-01T00:00:00Z/P1D (`RepeatingInterval`), or a
 *   Spring-style 6-field cron expression "0 0 9 * * MON-FRI" (`CronTimer`, cron-utils SPRING53:
 *   L, W, LW, L-n, n#k, nL, ?, names, @daily and the other macros).
 *
 * Written by hand: no small, maintained library covers calendar durations, repeating intervals
 * with a start and Spring cron together with Zeebe's semantics.
 *
 * Calendar arithmetic and cron run in UTC, the zone of Zeebe's broker images (Zeebe uses the
 * system default zone): months add with the day clamped (Jan 31 + P1M = Feb 28), days are
 * 24 hours. Nothing here throws; bad input is an error value with a message.
 */

export type TimerSpec =
  | { kind: 'duration'; ms: number; /** the text, for calendar-correct addition */ iso?: string }
  | { kind: 'date'; at: Date }
  | {
      kind: 'cycle';
      /** -1 = infinite */
      repetitions: number;
      /** nominal length of the interval (a month counts 30.436875 days) */
      intervalMs?: number;
      /** the interval's ISO text; nextCycleFire adds it with calendar arithmetic */
      interval?: string;
      cron?: string;
      start?: Date;
    };
export type CycleSpec = Extract<TimerSpec, { kind: 'cycle' }>;
type Failure = { ok: false; message: string };

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** java.time's estimated month: a 365.2425-day year / 12. */
const MONTH = (365.2425 * DAY) / 12;

const fail = (message: string): Failure => ({ ok: false, message });

// ─── durations ──────────────────────────────────────────────────────────────────────────────

type DurationParts = { sign: 1 | -1; months: number; days: number; timeMs: number };

const DURATION =
  /^([+-])?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,](\d{1,9}))?S)?)?$/i;

function readDuration(text: string): { ok: true; parts: DurationParts } | Failure {
  const trimmed = text.trim();
  const match = DURATION.exec(trimmed);
  const hasComponent = match?.slice(2, 9).some((group) => group !== undefined) ?? false;
  if (!match || !hasComponent || /T$/i.test(trimmed)) {
    return fail(
      `Invalid ISO 8601 duration '${text}': expected PnYnMnDTnHnMnS or PnW, e.g. PT10S, P1D, P1Y2M, P2W`,
    );
  }
  const n = (index: number) => Number(match[index] ?? 0);
  const fraction = match[9] === undefined ? 0 : Math.floor(Number(`0.${match[9]}`) * SECOND);
  const parts: DurationParts = {
    sign: match[1] === '-' ? -1 : 1,
    months: n(2) * 12 + n(3),
    days: n(4) * 7 + n(5),
    timeMs: n(6) * HOUR + n(7) * MINUTE + n(8) * SECOND + fraction,
  };
  if (!Number.isSafeInteger(Math.round(nominalMs(parts)))) {
    return fail(`Invalid ISO 8601 duration '${text}': too long`);
  }
  return { ok: true, parts };
}

function nominalMs({ sign, months, days, timeMs }: DurationParts): number {
  return sign * (months * MONTH + days * DAY + timeMs);
}

function addParts(base: Date, { sign, months, days, timeMs }: DurationParts): Date {
  const date = new Date(base.getTime());
  if (months !== 0) {
    const dayOfMonth = date.getUTCDate();
    date.setUTCDate(1);
    date.setUTCMonth(date.getUTCMonth() + sign * months);
    date.setUTCDate(Math.min(dayOfMonth, daysInMonth(date.getUTCFullYear(), date.getUTCMonth())));
  }
  return new Date(date.getTime() + sign * (days * DAY + timeMs));
}

/** `ms` is exact for days and times; years and months count at their average length. */
export function parseDuration(s: string): { ok: true; ms: number } | Failure {
  const read = readDuration(s);
  return read.ok ? { ok: true, ms: Math.round(nominalMs(read.parts)) } : read;
}

/** `base` plus the duration, months and years by the calendar; null if `s` is no duration. */
export function addDuration(base: Date, s: string): Date | null {
  const read = readDuration(s);
  return read.ok ? addParts(base, read.parts) : null;
}

// ─── date-times ─────────────────────────────────────────────────────────────────────────────

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?(?:\[([^\]]+)\]|@(\S+))?$/i;

export function parseDate(s: string): { ok: true; at: Date } | Failure {
  const invalid = (reason: string) =>
    fail(
      `Invalid ISO 8601 date-time '${s}': ${reason}; expected e.g. 2026-11-28T10:00:00Z, ` +
        `2026-11-28T10:00:00+01:00 or 2026-11-28T10:00:00@Europe/Zurich`,
    );
  const match = DATE_TIME.exec(s.trim());
  if (!match) return invalid('not a date-time');
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((g) => Number(g ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1000) return invalid('years before 1000 are not supported');
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month - 1)) {
    return invalid('no such day');
  }
  if (hour > 23 || minute > 59 || second > 59) return invalid('no such time of day');
  const millis = match[7] === undefined ? 0 : Math.floor(Number(`0.${match[7]}`) * SECOND);
  const wall = utc(year, month - 1, day, hour, minute, second) + millis;
  const [offset, zone] = [match[8], match[9] ?? match[10]];
  if (zone !== undefined) {
    const formatter = zoneFormatter(zone);
    if (!formatter) return invalid(`unknown time zone '${zone}'`);
    return { ok: true, at: new Date(localToInstant(wall, formatter)) };
  }
  if (offset === undefined) return invalid('no offset or time zone');
  const offsetMs = parseOffset(offset);
  if (offsetMs === undefined) return invalid(`no such offset '${offset}'`);
  return { ok: true, at: new Date(wall - offsetMs) };
}

function parseOffset(offset: string): number | undefined {
  if (offset.toUpperCase() === 'Z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 18 || minutes > 59) return undefined;
  return (offset.startsWith('-') ? -1 : 1) * (hours * HOUR + minutes * MINUTE);
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function zoneFormatter(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = null;
    }
    if (formatters.size >= 1000) formatters.clear(); // zone texts can come from process data
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at an instant, in ms. */
function zoneOffset(instant: number, formatter: Intl.DateTimeFormat): number {
  const parts = formatter.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = utc(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - (instant - (((instant % SECOND) + SECOND) % SECOND));
}

/**
 * The instant a wall-clock time in a zone denotes, as java.time resolves it: in an overlap
 * (clocks set back) the earlier instant; in a gap (clocks set forward) later by the gap.
 */
function localToInstant(wall: number, formatter: Intl.DateTimeFormat): number {
  const before = zoneOffset(wall - DAY, formatter);
  const after = zoneOffset(wall + DAY, formatter);
  for (const offset of [Math.max(before, after), Math.min(before, after)]) {
    if (zoneOffset(wall - offset, formatter) === offset) return wall - offset;
  }
  return wall - before;
}

// ─── cycles ─────────────────────────────────────────────────────────────────────────────────

/** R[n]/[start/]duration, or a cron expression (anything not starting with 'R'). */
export function parseCycle(s: string): { ok: true; spec: CycleSpec } | Failure {
  const text = s.trim();
  if (!text.startsWith('R')) {
    const cron = parseCron(text);
    return cron.ok ? { ok: true, spec: { kind: 'cycle', repetitions: -1, cron: text } } : cron;
  }
  const invalid = (reason: string) =>
    fail(
      `Invalid timer cycle '${s}': ${reason}; expected e.g. R5/PT10S, R/P1D or R3/2026-01-01T00:00:00Z/P1D`,
    );
  const slash = text.indexOf('/');
  if (slash < 0) return invalid('no interval given');
  const count = text.slice(1, slash);
  if (count !== '' && !/^\d{1,9}$/.test(count))
    return invalid(`cannot read repetitions '${count}'`);
  const rest = text.slice(slash + 1);
  const lastSlash = rest.lastIndexOf('/');
  const interval = rest.slice(lastSlash + 1);
  let start: Date | undefined;
  if (lastSlash > 0) {
    const parsed = parseDate(rest.slice(0, lastSlash));
    if (!parsed.ok) return invalid(parsed.message);
    start = parsed.at;
  }
  const duration = readDuration(interval);
  if (!duration.ok) return invalid(duration.message);
  const intervalMs = Math.round(nominalMs(duration.parts));
  if (intervalMs <= 0) return invalid('the interval must be longer than zero');
  const spec: CycleSpec = {
    kind: 'cycle',
    repetitions: count === '' ? -1 : Number(count),
    interval,
    intervalMs,
  };
  if (start) spec.start = start;
  return { ok: true, spec };
}

/** A timer definition of the given kind (timeDuration, timeDate, timeCycle). */
export function parseTimer(
  kind: TimerSpec['kind'],
  text: string,
): { ok: true; spec: TimerSpec } | Failure {
  if (kind === 'cycle') return parseCycle(text);
  if (kind === 'date') {
    const date = parseDate(text);
    return date.ok ? { ok: true, spec: { kind: 'date', at: date.at } } : date;
  }
  const duration = parseDuration(text);
  return duration.ok
    ? { ok: true, spec: { kind: 'duration', ms: duration.ms, iso: text.trim() } }
    : duration;
}

/**
 * When the timer fires next after `after` (null: never again).
 * - duration: `after` plus the duration; date: its instant;
 * - interval cycle: the start while it lies after `after`, else `after` plus the interval —
 *   pass the last due date for the following occurrence. Zeebe re-anchors an overdue
 *   occurrence to now: if the result is not after now, call again with now;
 * - cron cycle: the first matching second strictly after `after` (within 50 years).
 * Counting repetitions is the caller's job (`repetitions`, -1 = infinite).
 */
export function nextCycleFire(spec: TimerSpec, after: Date): Date | null {
  switch (spec.kind) {
    case 'date':
      return spec.at;
    case 'duration':
      return spec.iso === undefined
        ? new Date(after.getTime() + spec.ms)
        : addDuration(after, spec.iso);
    case 'cycle': {
      if (spec.cron !== undefined) {
        const cron = parseCron(spec.cron);
        return cron.ok ? nextCronFire(cron.schedule, after) : null;
      }
      if (spec.start && spec.start.getTime() > after.getTime()) return spec.start;
      if (spec.interval !== undefined) return addDuration(after, spec.interval);
      return spec.intervalMs === undefined ? null : new Date(after.getTime() + spec.intervalMs);
    }
  }
}

/**
 * When a timer fires first, created at `now`, as Zeebe schedules it: a cycle whose start lies
 * in the past fires at once; everything else as nextCycleFire(spec, now).
 */
export function firstFire(spec: TimerSpec, now: Date): Date | null {
  if (spec.kind === 'cycle' && spec.cron === undefined && spec.start) {
    return spec.start.getTime() > now.getTime() ? spec.start : now;
  }
  return nextCycleFire(spec, now);
}

// ─── cron (Spring 5.3 / cron-utils SPRING53) ────────────────────────────────────────────────

type DayRule = (year: number, month: number, day: number) => boolean;
type CronSchedule = {
  second: Set<number>;
  minute: Set<number>;
  hour: Set<number>;
  month: Set<number>;
  /** day-of-month and day-of-week must both match ('*' and '?' match any day) */
  day: DayRule;
};

const MACROS: Record<string, string> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};
const MONTH_NAMES = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'OCT',
  'NOV',
  'DEC',
];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function parseCron(text: string): { ok: true; schedule: CronSchedule } | Failure {
  const expanded = MACROS[text.toLowerCase()] ?? text;
  const fields = expanded.split(/\s+/).filter((field) => field !== '');
  const invalid = (reason: string) => fail(`Invalid cron expression '${text}': ${reason}`);
  if (fields.length !== 6) {
    return invalid(
      `a cron expression has 6 fields (second minute hour day-of-month month day-of-week), found ${fields.length}`,
    );
  }
  const [second, minute, hour, dayOfMonth, month, dayOfWeek] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const sets = [
    valueSet(second, 0, 59, 'second'),
    valueSet(minute, 0, 59, 'minute'),
    valueSet(hour, 0, 23, 'hour'),
    valueSet(month, 1, 12, 'month', MONTH_NAMES, 1),
  ];
  const dom = dayOfMonthRule(dayOfMonth);
  const dow = dayOfWeekRule(dayOfWeek);
  for (const part of [...sets, dom, dow]) if (typeof part === 'string') return invalid(part);
  const [s, m, h, mo] = sets as Set<number>[];
  const domRule = dom as DayRule;
  const dowRule = dow as DayRule;
  return {
    ok: true,
    schedule: {
      second: s as Set<number>,
      minute: m as Set<number>,
      hour: h as Set<number>,
      month: mo as Set<number>,
      day: (year, monthIndex, day) =>
        domRule(year, monthIndex, day) && dowRule(year, monthIndex, day),
    },
  };
}

/** The values a field allows: '*', n, a-b, with /step, comma lists; or an error text. */
function valueSet(
  field: string,
  min: number,
  max: number,
  name: string,
  names: string[] = [],
  nameBase = 0,
): Set<number> | string {
  const values = new Set<number>();
  const read = (token: string): number | undefined => {
    if (/^\d{1,4}$/.test(token)) return Number(token);
    const index = names.indexOf(token.toUpperCase());
    return index < 0 ? undefined : index + nameBase;
  };
  for (const part of field.split(',')) {
    const [range = '', step, extra] = part.split('/');
    const stepValue = step === undefined ? 1 : Number(step);
    if (extra !== undefined || !Number.isInteger(stepValue) || stepValue < 1 || step === '') {
      return `invalid step in ${name} field '${field}'`;
    }
    let low: number | undefined;
    let high: number | undefined;
    if (range === '*' || range === '?') [low, high] = [min, max];
    else if (range.includes('-')) {
      const [from = '', to = ''] = range.split('-', 2);
      [low, high] = [read(from), read(to)];
    } else {
      low = read(range);
      high = step === undefined ? low : max;
    }
    if (low === undefined || high === undefined || low < min || high > max || low > high) {
      return `invalid ${name} field '${field}' (allowed ${min}-${max})`;
    }
    for (let value = low; value <= high; value += stepValue) values.add(value);
  }
  return values;
}

function dayOfMonthRule(field: string): DayRule | string {
  if (field === '*' || field === '?') return () => true;
  const rules: DayRule[] = [];
  for (const part of field.split(',')) {
    const upper = part.toUpperCase();
    const lastOffset = /^L(?:-(\d{1,2}))?$/.exec(upper);
    const weekday = /^(\d{1,2})W$/.exec(upper);
    if (lastOffset) {
      const offset = Number(lastOffset[1] ?? 0);
      rules.push((y, m, d) => d === daysInMonth(y, m) - offset);
    } else if (upper === 'LW') {
      rules.push((y, m, d) => d === nearestWeekday(y, m, daysInMonth(y, m)));
    } else if (weekday) {
      const target = Number(weekday[1]);
      if (target < 1 || target > 31) return `invalid day-of-month field '${field}'`;
      rules.push((y, m, d) => target <= daysInMonth(y, m) && d === nearestWeekday(y, m, target));
    } else {
      const days = valueSet(part, 1, 31, 'day-of-month');
      if (typeof days === 'string') return days;
      rules.push((_y, _m, d) => days.has(d));
    }
  }
  return (y, m, d) => rules.some((rule) => rule(y, m, d));
}

function dayOfWeekRule(field: string): DayRule | string {
  if (field === '*' || field === '?') return () => true;
  const readDay = (token: string): number | undefined => {
    if (/^[0-7]$/.test(token)) return Number(token) % 7;
    const index = DAY_NAMES.indexOf(token.toUpperCase());
    return index < 0 ? undefined : index;
  };
  const rules: DayRule[] = [];
  for (const part of field.split(',')) {
    const last = /^(\w+)L$/i.exec(part);
    const nth = /^(\w+)#([1-5])$/.exec(part);
    if (last || nth) {
      const weekday = readDay((last ?? nth)?.[1] ?? '');
      if (weekday === undefined) return `invalid day-of-week field '${field}'`;
      const occurrence = nth ? Number(nth[2]) : 0;
      rules.push((y, m, d) => {
        if (weekdayOf(y, m, d) !== weekday) return false;
        return occurrence === 0 ? d + 7 > daysInMonth(y, m) : Math.ceil(d / 7) === occurrence;
      });
    } else {
      const days = valueSet(part, 0, 7, 'day-of-week', DAY_NAMES);
      if (typeof days === 'string') return days;
      const weekdays = new Set([...days].map((day) => day % 7));
      rules.push((y, m, d) => weekdays.has(weekdayOf(y, m, d)));
    }
  }
  return (y, m, d) => rules.some((rule) => rule(y, m, d));
}

function nextCronFire(schedule: CronSchedule, after: Date): Date | null {
  let time = Math.floor(after.getTime() / SECOND) * SECOND + SECOND;
  const lastYear = new Date(time).getUTCFullYear() + 50;
  for (;;) {
    const date = new Date(time);
    const [y, mo, d, h, mi] = [
      date.getUTCFullYear(),
      date.getUTCMonth(),
      date.getUTCDate(),
      date.getUTCHours(),
      date.getUTCMinutes(),
    ];
    if (y > lastYear) return null;
    if (!schedule.month.has(mo + 1)) time = utc(y, mo + 1, 1);
    else if (!schedule.day(y, mo, d)) time = utc(y, mo, d + 1);
    else if (!schedule.hour.has(h)) time = utc(y, mo, d, h + 1);
    else if (!schedule.minute.has(mi)) time = utc(y, mo, d, h, mi + 1);
    else if (!schedule.second.has(date.getUTCSeconds())) time += SECOND;
    else return date;
  }
}

// ─── calendar helpers (UTC) ─────────────────────────────────────────────────────────────────

/** Date.UTC, fields overflowing into the next unit (day 32 is the 1st of the next month). */
function utc(year: number, month: number, day = 1, hour = 0, minute = 0, second = 0): number {
  return Date.UTC(year, month, day, hour, minute, second);
}

function daysInMonth(year: number, month: number): number {
  return new Date(utc(year, month + 1, 0)).getUTCDate();
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(utc(year, month, day)).getUTCDay();
}

/** Spring's nW: the weekday nearest to day n, within the month. */
function nearestWeekday(year: number, month: number, day: number): number {
  const weekday = weekdayOf(year, month, day);
  if (weekday === 6) return day === 1 ? 3 : day - 1;
  if (weekday === 0) return day === daysInMonth(year, month) ? day - 2 : day + 1;
  return day;
}
