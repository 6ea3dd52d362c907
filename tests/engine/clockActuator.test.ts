/** Zeebe's clock actuator over HTTP, as tests of a standalone engine use it. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Clock } from '../../engine/src/clock';
import { startClockActuator, type ClockActuator } from '../../engine/src/management/ClockActuator';

describe('clock actuator', () => {
  const clock = new Clock();
  let actuator: ClockActuator;
  let base: string;

  beforeAll(async () => {
    actuator = await startClockActuator(clock, { host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${actuator.port}/actuator/clock`;
  });
  afterAll(async () => {
    await actuator?.close();
  });

  const call = async (method: string, path = '', body?: unknown) => {
    const response = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  test('GET shows the current time', async () => {
    const before = Date.now();
    const { status, body } = await call('GET');

    expect(status).toBe(200);
    const { epochMilli, instant } = body as { epochMilli: number; instant: string };
    expect(epochMilli).toBeGreaterThanOrEqual(before);
    expect(new Date(instant).getTime()).toBe(epochMilli);
  });

  test('POST pin pins the engine clock', async () => {
    const { status, body } = await call('POST', '/pin', { epochMilli: 1_635_672_964_533 });

    expect(status).toBe(200);
    expect(body).toEqual({ epochMilli: 1_635_672_964_533, instant: '2021-10-31T09:36:04.533Z' });
    expect(clock.now()).toBe(1_635_672_964_533);
  });

  test('POST add moves it forward', async () => {
    clock.pin(1_000_000);

    const { body } = await call('POST', '/add', { offsetMilli: 86_400_000 });

    expect(body).toMatchObject({ epochMilli: 87_400_000 });
    expect(clock.now()).toBe(87_400_000);
  });

  test('DELETE resets it to system time', async () => {
    clock.pin(1_000);

    const { status, body } = await call('DELETE');

    expect(status).toBe(200);
    expect(Math.abs((body as { epochMilli: number }).epochMilli - Date.now())).toBeLessThan(1_000);
  });

  test.each([
    ['/pin', {}, 'Expected pin the clock to the given `epochMilli`, but none given'],
    ['/add', { epochMilli: 1 }, 'Expected to add `offsetMilli` to the clock, but none given'],
    [
      '/add',
      { offsetMilli: -5 },
      "Expected to add a non-negative `offsetMilli` to the clock: this engine's time only moves forward",
    ],
    [
      '/jump',
      { offsetMilli: 5 },
      'Expected to either `pin` or `add` to the clock, but no operation named `jump` is known; make sure you wrote the correct path',
    ],
  ])('POST %s %j is 400', async (path, body, message) => {
    expect(await call('POST', path, body)).toEqual({ status: 400, body: message });
  });
});
