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
