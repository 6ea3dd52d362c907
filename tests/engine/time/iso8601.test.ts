import { describe, expect, it } from 'vitest';
import {
  addDuration,
  firstFire,
  nextCycleFire,
  parseCycle,
  parseDate,
  parseDuration,
  parseTimer,
  type TimerSpec,
} from '../../../engine/src/time/iso8601';

const at = (iso: string) => new Date(iso);
const iso = (date: Date | null) => date?.toISOString() ?? null;

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;

describe('parseDuration', () => {
  it.each([
    { text: 'PT10S', ms: 10 * SECOND },
    { text: 'PT1.5S', ms: 1500 },
    { text: 'PT1,25S', ms: 1250 },
    { text: 'PT0.001S', ms: 1 },
    { text: 'PT15M', ms: 15 * 60 * SECOND },
    { text: 'PT36H', ms: 36 * HOUR },
    { text: 'P1D', ms: DAY },
    { text: 'p1d', ms: DAY },
    { text: 'P2W', ms: 14 * DAY },
    { text: 'P1DT2H3M4S', ms: DAY + 2 * HOUR + 3 * 60 * SECOND + 4 * SECOND },
    { text: '-PT5M', ms: -5 * 60 * SECOND },
    { text: ' P20D ', ms: 20 * DAY },
    // years and months at java.time's average length; addDuration adds them by the calendar
    { text: 'P1Y', ms: 365.2425 * DAY },
    { text: 'P1M', ms: (365.2425 * DAY) / 12 },
  ])('$text → $ms ms', ({ text, ms }) => {
    expect(parseDuration(text)).toEqual({ ok: true, ms });
  });

  it.each(['', 'P', 'PT', 'P1DT', '1D', 'P1H', 'PT1D', 'P1.5D', 'PT1.5H', 'R/PT1H', 'soon'])(
    '%j is rejected',
    (text) => {
      expect(parseDuration(text)).toEqual({
        ok: false,
        message: `Invalid ISO 8601 duration '${text}': expected PnYnMnDTnHnMnS or PnW, e.g. PT10S, P1D, P1Y2M, P2W`,
      });
    },
  );
});

describe('addDuration', () => {
  it.each([
    { base: '2026-01-31T10:00:00Z', duration: 'P1M', expected: '2026-02-28T10:00:00.000Z' },
    { base: '2024-01-31T10:00:00Z', duration: 'P1M', expected: '2024-02-29T10:00:00.000Z' },
    { base: '2024-02-29T00:00:00Z', duration: 'P1Y', expected: '2025-02-28T00:00:00.000Z' },
    { base: '2026-03-31T00:00:00Z', duration: '-P1M', expected: '2026-02-28T00:00:00.000Z' },
    { base: '2026-11-28T10:00:00Z', duration: 'P20D', expected: '2026-12-18T10:00:00.000Z' },
    { base: '2026-03-28T12:00:00Z', duration: 'P1D', expected: '2026-03-29T12:00:00.000Z' },
    {
      base: '2026-01-01T00:00:00Z',
      duration: 'P1Y2M3DT4H5M6S',
      expected: '2027-03-04T04:05:06.000Z',
    },
    { base: '2026-01-01T00:00:00Z', duration: 'PT1.5S', expected: '2026-01-01T00:00:01.500Z' },
    { base: '2026-01-01T00:00:00Z', duration: 'P1X', expected: null },
  ])('$base + $duration → $expected', ({ base, duration, expected }) => {
    expect(iso(addDuration(at(base), duration))).toBe(expected);
  });
});

describe('parseDate', () => {
  it.each([
    { text: '2026-11-28T10:00:00Z', expected: '2026-11-28T10:00:00.000Z' },
    { text: ' 2026-11-28T10:00:00Z ', expected: '2026-11-28T10:00:00.000Z' },
    { text: '2026-11-28T10:00:00.250Z', expected: '2026-11-28T10:00:00.250Z' },
    { text: '2026-11-28T10:00Z', expected: '2026-11-28T10:00:00.000Z' },
    { text: '2026-11-28T10:00:00+01:00', expected: '2026-11-28T09:00:00.000Z' },
    { text: '2026-11-28T10:00:00+0100', expected: '2026-11-28T09:00:00.000Z' },
    { text: '2026-11-28T10:00:00-05:30', expected: '2026-11-28T15:30:00.000Z' },
    { text: '2026-11-28T10:00:00@Europe/Zurich', expected: '2026-11-28T09:00:00.000Z' },
    { text: '2026-07-01T10:00:00@Europe/Zurich', expected: '2026-07-01T08:00:00.000Z' },
    { text: '2026-07-01T10:00:00+02:00[Europe/Zurich]', expected: '2026-07-01T08:00:00.000Z' },
    { text: '2026-11-28T10:00:00@UTC', expected: '2026-11-28T10:00:00.000Z' },
    // clocks go forward at 02:00 on 29 March 2026: 02:30 does not exist, java.time moves it to 03:30
    { text: '2026-03-29T02:30:00@Europe/Zurich', expected: '2026-03-29T01:30:00.000Z' },
    // clocks go back at 03:00 on 25 October 2026: 02:30 happens twice, java.time takes the earlier
    { text: '2026-10-25T02:30:00@Europe/Zurich', expected: '2026-10-25T00:30:00.000Z' },
  ])('$text → $expected', ({ text, expected }) => {
    const parsed = parseDate(text);
    expect(parsed.ok && parsed.at.toISOString()).toBe(expected);
  });

  it.each([
    { text: '2026-11-28T10:00:00', reason: 'no offset or time zone' },
    { text: '2026-11-28', reason: 'not a date-time' },
    { text: 'tomorrow', reason: 'not a date-time' },
    { text: '2026-02-30T10:00:00Z', reason: 'no such day' },
    { text: '2026-13-01T10:00:00Z', reason: 'no such day' },
    { text: '2026-11-28T24:00:00Z', reason: 'no such time of day' },
    { text: '2026-11-28T10:00:00+25:00', reason: "no such offset '+25:00'" },
    { text: '2026-11-28T10:00:00@Mars/Olympus', reason: "unknown time zone 'Mars/Olympus'" },
  ])('$text is rejected: $reason', ({ text, reason }) => {
    expect(parseDate(text)).toEqual({
      ok: false,
      message: `Invalid ISO 8601 date-time '${text}': ${reason}; expected e.g. 2026-11-28T10:00:00Z, 2026-11-28T10:00:00+01:00 or 2026-11-28T10:00:00@Europe/Zurich`,
    });
  });
});

describe('parseCycle', () => {
  it.each<{ text: string; spec: TimerSpec }>([
    {
      text: 'R5/PT10S',
      spec: { kind: 'cycle', repetitions: 5, interval: 'PT10S', intervalMs: 10 * SECOND },
    },
    {
      text: 'R/PT1H',
      spec: { kind: 'cycle', repetitions: -1, interval: 'PT1H', intervalMs: HOUR },
    },
    {
      text: 'R0/PT1M',
      spec: { kind: 'cycle', repetitions: 0, interval: 'PT1M', intervalMs: 60 * SECOND },
    },
    {
      text: 'R3/2026-01-01T00:00:00Z/P1D',
      spec: {
        kind: 'cycle',
        repetitions: 3,
        interval: 'P1D',
        intervalMs: DAY,
        start: at('2026-01-01T00:00:00Z'),
      },
    },
    {
      text: '0 0 9 * * MON-FRI',
      spec: { kind: 'cycle', repetitions: -1, cron: '0 0 9 * * MON-FRI' },
    },
    { text: '@daily', spec: { kind: 'cycle', repetitions: -1, cron: '@daily' } },
  ])('$text', ({ text, spec }) => {
    expect(parseCycle(text)).toEqual({ ok: true, spec });
  });

  const example = 'expected e.g. R5/PT10S, R/P1D or R3/2026-01-01T00:00:00Z/P1D';
  it.each([
    { text: 'R5', message: `Invalid timer cycle 'R5': no interval given; ${example}` },
    {
      text: 'Rx/PT1S',
      message: `Invalid timer cycle 'Rx/PT1S': cannot read repetitions 'x'; ${example}`,
    },
    {
      text: 'R5/PT0S',
      message: `Invalid timer cycle 'R5/PT0S': the interval must be longer than zero; ${example}`,
    },
    {
      text: 'R5/',
      message: `Invalid timer cycle 'R5/': Invalid ISO 8601 duration '': expected PnYnMnDTnHnMnS or PnW, e.g. PT10S, P1D, P1Y2M, P2W; ${example}`,
    },
    {
      text: 'R/2026-11-28T10:00:00/P1D',
      message:
        "Invalid timer cycle 'R/2026-11-28T10:00:00/P1D': Invalid ISO 8601 date-time '2026-11-28T10:00:00': no offset or time zone; " +
        `expected e.g. 2026-11-28T10:00:00Z, 2026-11-28T10:00:00+01:00 or 2026-11-28T10:00:00@Europe/Zurich; ${example}`,
    },
    {
      text: 'PT10S',
      message:
        "Invalid cron expression 'PT10S': a cron expression has 6 fields (second minute hour day-of-month month day-of-week), found 1",
    },
    {
      text: '0 9 * * MON-FRI',
      message:
        "Invalid cron expression '0 9 * * MON-FRI': a cron expression has 6 fields (second minute hour day-of-month month day-of-week), found 5",
    },
    {
      text: '0 0 25 * * *',
      message: "Invalid cron expression '0 0 25 * * *': invalid hour field '25' (allowed 0-23)",
    },
    {
      text: '0 0 9 * * FUNDAY',
      message:
        "Invalid cron expression '0 0 9 * * FUNDAY': invalid day-of-week field 'FUNDAY' (allowed 0-7)",
    },
    {
      text: '*/0 * * * * *',
      message: "Invalid cron expression '*/0 * * * * *': invalid step in second field '*/0'",
    },
    {
      text: '0 0 9 * DEC-JAN *',
      message:
        "Invalid cron expression '0 0 9 * DEC-JAN *': invalid month field 'DEC-JAN' (allowed 1-12)",
    },
    {
      text: '0 0 9 32W * *',
      message: "Invalid cron expression '0 0 9 32W * *': invalid day-of-month field '32W'",
    },
  ])('$text is rejected', ({ text, message }) => {
    expect(parseCycle(text)).toEqual({ ok: false, message });
  });
});

describe('nextCycleFire', () => {
  const cycle = (text: string): TimerSpec => {
    const parsed = parseCycle(text);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.spec;
  };

  it.each([
    // repeating intervals
    { timer: 'R/PT1H', after: '2026-11-28T10:00:00Z', expected: '2026-11-28T11:00:00.000Z' },
    { timer: 'R/P1M', after: '2026-01-31T10:00:00Z', expected: '2026-02-28T10:00:00.000Z' },
    {
      timer: 'R3/2026-01-01T00:00:00Z/P1D',
      after: '2025-12-31T12:00:00Z',
      expected: '2026-01-01T00:00:00.000Z',
    },
    {
      timer: 'R3/2026-01-01T00:00:00Z/P1D',
      after: '2026-01-01T00:00:00Z',
      expected: '2026-01-02T00:00:00.000Z',
    },
    // cron: weekdays at 09:00 (28 Nov 2026 is a Saturday)
    {
      timer: '0 0 9 * * MON-FRI',
      after: '2026-11-28T10:00:00Z',
      expected: '2026-11-30T09:00:00.000Z',
    },
    {
      timer: '0 0 9 * * MON-FRI',
      after: '2026-11-27T08:00:00Z',
      expected: '2026-11-27T09:00:00.000Z',
    },
    {
      timer: '0 0 9 * * MON-FRI',
      after: '2026-11-27T09:00:00Z',
      expected: '2026-11-30T09:00:00.000Z',
    },
    {
      timer: '0 0 9 * * mon-fri',
      after: '2026-11-28T10:00:00Z',
      expected: '2026-11-30T09:00:00.000Z',
    },
    { timer: '0 0 9 * * 1-5', after: '2026-11-28T10:00:00Z', expected: '2026-11-30T09:00:00.000Z' },
    { timer: '0 0 9 * * 0', after: '2026-11-28T10:00:00Z', expected: '2026-11-29T09:00:00.000Z' },
    { timer: '0 0 9 * * 7', after: '2026-11-28T10:00:00Z', expected: '2026-11-29T09:00:00.000Z' },
    {
      timer: '0 */15 * * * *',
      after: '2026-11-28T10:07:30Z',
      expected: '2026-11-28T10:15:00.000Z',
    },
    {
      timer: '10,40 * * * * *',
      after: '2026-11-28T10:07:30Z',
      expected: '2026-11-28T10:07:40.000Z',
    },
    {
      timer: '0 0 0 1 JAN-MAR/2 *',
      after: '2026-01-15T00:00:00Z',
      expected: '2026-03-01T00:00:00.000Z',
    },
    // day-of-month and day-of-week must both match: Friday the 13th
    {
      timer: '0 0 9 13 * FRI',
      after: '2026-03-01T00:00:00Z',
      expected: '2026-03-13T09:00:00.000Z',
    },
    {
      timer: '0 0 9 13 * FRI',
      after: '2026-03-14T00:00:00Z',
      expected: '2026-11-13T09:00:00.000Z',
    },
    // L, L-n, W, LW, #, nL
    { timer: '0 0 12 L * *', after: '2026-02-10T00:00:00Z', expected: '2026-02-28T12:00:00.000Z' },
    {
      timer: '0 0 12 L-2 * *',
      after: '2026-02-10T00:00:00Z',
      expected: '2026-02-26T12:00:00.000Z',
    },
    { timer: '0 0 8 15W * *', after: '2026-08-01T00:00:00Z', expected: '2026-08-14T08:00:00.000Z' },
    { timer: '0 0 8 1W * *', after: '2026-07-31T12:00:00Z', expected: '2026-08-03T08:00:00.000Z' },
    { timer: '0 0 8 LW * *', after: '2026-02-01T00:00:00Z', expected: '2026-02-27T08:00:00.000Z' },
    {
      timer: '0 0 10 ? * FRI#2',
      after: '2026-12-01T00:00:00Z',
      expected: '2026-12-11T10:00:00.000Z',
    },
    { timer: '0 0 10 ? * 5L', after: '2026-12-01T00:00:00Z', expected: '2026-12-25T10:00:00.000Z' },
    {
      timer: '0 0 10 ? * FRIL',
      after: '2026-12-01T00:00:00Z',
      expected: '2026-12-25T10:00:00.000Z',
    },
    // macros
    { timer: '@daily', after: '2026-11-28T10:00:00Z', expected: '2026-11-29T00:00:00.000Z' },
    { timer: '@hourly', after: '2026-11-28T10:00:00Z', expected: '2026-11-28T11:00:00.000Z' },
    { timer: '@weekly', after: '2026-11-28T10:00:00Z', expected: '2026-11-29T00:00:00.000Z' },
    { timer: '@monthly', after: '2026-11-28T10:00:00Z', expected: '2026-12-01T00:00:00.000Z' },
    { timer: '@yearly', after: '2026-11-28T10:00:00Z', expected: '2027-01-01T00:00:00.000Z' },
    // leap day, and a day that never comes
    { timer: '0 0 0 29 2 *', after: '2026-03-01T00:00:00Z', expected: '2028-02-29T00:00:00.000Z' },
    { timer: '0 0 0 30 2 *', after: '2026-03-01T00:00:00Z', expected: null },
  ])('$timer after $after → $expected', ({ timer, after, expected }) => {
    expect(iso(nextCycleFire(cycle(timer), at(after)))).toBe(expected);
  });

  it.each<{ spec: TimerSpec; after: string; expected: string }>([
    {
      spec: { kind: 'date', at: at('2026-12-24T18:00:00Z') },
      after: '2026-11-28T10:00:00Z',
      expected: '2026-12-24T18:00:00.000Z',
    },
    {
      spec: { kind: 'duration', ms: 20 * DAY },
      after: '2026-11-28T10:00:00Z',
      expected: '2026-12-18T10:00:00.000Z',
    },
    {
      spec: { kind: 'duration', ms: 0, iso: 'P1M' },
      after: '2026-01-31T10:00:00Z',
      expected: '2026-02-28T10:00:00.000Z',
    },
    {
      spec: { kind: 'cycle', repetitions: -1, intervalMs: HOUR },
      after: '2026-11-28T10:00:00Z',
      expected: '2026-11-28T11:00:00.000Z',
    },
  ])('$spec.kind after $after → $expected', ({ spec, after, expected }) => {
    expect(iso(nextCycleFire(spec, at(after)))).toBe(expected);
  });
});

describe('firstFire (when a timer is created)', () => {
  it.each([
    {
      kind: 'duration' as const,
      text: 'P20D',
      now: '2026-11-28T10:00:00Z',
      expected: '2026-12-18T10:00:00.000Z',
    },
    {
      kind: 'date' as const,
      text: '2026-12-24T18:00:00+01:00',
      now: '2026-11-28T10:00:00Z',
      expected: '2026-12-24T17:00:00.000Z',
    },
    {
      kind: 'cycle' as const,
      text: 'R/PT1H',
      now: '2026-11-28T10:00:00Z',
      expected: '2026-11-28T11:00:00.000Z',
    },
    {
      kind: 'cycle' as const,
      text: 'R3/2026-12-01T00:00:00Z/P1D',
      now: '2026-11-28T10:00:00Z',
      expected: '2026-12-01T00:00:00.000Z',
    },
    // a start in the past fires at once, as in Zeebe
    {
      kind: 'cycle' as const,
      text: 'R3/2026-01-01T00:00:00Z/P1D',
      now: '2026-11-28T10:00:00Z',
      expected: '2026-11-28T10:00:00.000Z',
    },
    {
      kind: 'cycle' as const,
      text: '0 0 9 * * MON-FRI',
      now: '2026-11-28T10:00:00Z',
      expected: '2026-11-30T09:00:00.000Z',
    },
  ])('$kind $text created at $now → $expected', ({ kind, text, now, expected }) => {
    // given a timer definition
    const parsed = parseTimer(kind, text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    // when the timer is created
    const due = firstFire(parsed.spec, at(now));
    // then it is due
    expect(iso(due)).toBe(expected);
  });

  it('rejects a bad definition of each kind with its reason', () => {
    expect(parseTimer('duration', 'P1X')).toMatchObject({
      ok: false,
      message: expect.stringContaining("Invalid ISO 8601 duration 'P1X'"),
    });
    expect(parseTimer('date', 'tomorrow')).toMatchObject({
      ok: false,
      message: expect.stringContaining("Invalid ISO 8601 date-time 'tomorrow'"),
    });
    expect(parseTimer('cycle', 'R5')).toMatchObject({
      ok: false,
      message: expect.stringContaining("Invalid timer cycle 'R5'"),
    });
  });
});
