/** Graceful stop: waiting long polls are answered, job streams end, the engine stops. */
import { status } from '@grpc/grpc-js';
import { describe, expect, test } from 'vitest';
import { startTestEngine } from '../harness';

describe('graceful stop', () => {
  test('ends long polls (empty) and job streams (OK) at once', async () => {
    const t = await startTestEngine();
    const poll = t.gateway.serverStream('ActivateJobs', {
      type: 'nothing-comes',
      worker: 'w',
      timeout: '1000',
      maxJobsToActivate: 1,
      requestTimeout: '60000',
    });
    const stream = t.gateway.openStream(
      'StreamActivatedJobs',
      { type: 'nothing-comes', worker: 'w', timeout: '1000' },
      () => {},
    );
    await new Promise((resolve) => setTimeout(resolve, 300));

    const started = Date.now();
    await t.close();

    expect(await poll).toEqual([]);
    expect((await stream.ended).code).toBe(status.OK);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('backpressure', () => {
  test('too many commands in flight are RESOURCE_EXHAUSTED, never UNAVAILABLE', async () => {
    const t = await startTestEngine({ maxInFlightCommands: 1 });
    try {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) =>
          t.gateway.unary('PublishMessage', {
            name: 'burst',
            correlationKey: `k-${i}`,
            timeToLive: '60000',
          }),
        ),
      );

      const failures = outcomes
        .filter((outcome) => outcome.status === 'rejected')
        .map(
          (outcome) =>
            (outcome as PromiseRejectedResult).reason as { code: number; details: string },
        );
      expect(failures.length).toBeGreaterThan(0);
      expect(failures.length).toBeLessThan(40);
      for (const failure of failures) {
        expect(failure.code).toBe(status.RESOURCE_EXHAUSTED);
        expect(failure.details).toContain('overloaded');
      }
    } finally {
      await t.close();
    }
  });
});
