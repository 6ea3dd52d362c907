/**
 * The inbox holds its user task jobs activated: the lease sweep extends a job's timeout
 * (UpdateJobTimeout) before it runs out, and a job delivered again (its timeout ran out while
 * nobody extended it) is stored once. Timeouts are seconds here, configured for the test; the
 * engine's record log shows what the engine did.
 */
import type { Knex } from 'knex';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../engine/harness';
import { sleep } from '../auth/support/browser';
import { json, nextJob, startCase, startInboxWorld, taskOf, type InboxWorld } from './support';

let world: InboxWorld | undefined;

afterEach(async () => {
  await world?.stop();
  world = undefined;
});

/** What the engine did with the job, in order (its record log). */
async function jobIntents(knex: Knex, jobKey: string): Promise<string[]> {
  return knex
    .withSchema('engine')
    .from('records')
    .where({ key: jobKey, value_type: 'JOB', record_type: 'EVENT' })
    .orderBy('position')
    .pluck('intent');
}

describe('the lease of a user task job', () => {
  it('is extended before it runs out, so the engine never takes the job back', async () => {
    // given an inbox holding jobs for 3 s and renewing them every 200 ms
    world = await startInboxWorld({ TASK_JOB_TIMEOUT: '3s', TASK_LEASE_SWEEP_INTERVAL: '200ms' });
    const given = await startCase(world, {
      serviceId: 'task-review',
      variables: { dueAt: '2031-01-31T10:00:00Z' },
    });
    const stored = await taskOf(world, given.id);

    // when more time passes than the job's first timeout
    await sleep(stored.job_deadline.getTime() - Date.now() + 1500);

    // then the engine updated the timeout and never timed the job out
    const intents = await jobIntents(world.server.knex, stored.job_key);
    expect(intents).toContain('TIMEOUT_UPDATED');
    expect(intents).not.toContain('TIMED_OUT');
    const renewed = await taskOf(world, given.id);
    expect(renewed.job_deadline.getTime()).toBeGreaterThan(stored.job_deadline.getTime());
    // and the task is still the clerk's to complete
    const anna = await world.as('anna');
    await anna.post(`/api/tasks/${stored.id}/claim`);
    const completed = await anna.post(`/api/tasks/${stored.id}/complete`, {
      body: { data: { decision: 'rejected' } },
    });
    expect(await json(completed)).toMatchObject({ status: 'completed' });
    const job = await nextJob(world, 'task-review-done', given.processInstanceKey);
    expect(job.variables).toMatchObject({ decision: 'rejected' });
  });

  it('runs out when nobody extends it; the job delivered again is still one task', async () => {
    // given an inbox holding jobs for 1 s that does not renew them (sweep every hour)
    world = await startInboxWorld({ TASK_JOB_TIMEOUT: '1s', TASK_LEASE_SWEEP_INTERVAL: '1h' });
    const given = await startCase(world, {
      serviceId: 'task-review',
      variables: { dueAt: '2031-01-31T10:00:00Z' },
    });
    const stored = await taskOf(world, given.id);
    const { knex } = world.server;

    // when the engine times the job out and the inbox worker activates it again
    await waitFor(
      async () => {
        const task = await taskOf(world!, given.id);
        return task.job_deadline.getTime() > stored.job_deadline.getTime() ? task : undefined;
      },
      { timeoutMs: 10_000 },
    );

    // then the engine did give it out twice
    expect(await jobIntents(knex, stored.job_key)).toContain('TIMED_OUT');
    // and the inbox still has one task for it, with one candidate row and one milestone
    expect(await knex('public.tasks').where({ job_key: stored.job_key }).pluck('id')).toEqual([
      stored.id,
    ]);
    expect(
      await knex('public.task_candidates').where({ task_id: stored.id }).pluck('candidate'),
    ).toEqual(['group:einwohnerkontrolle']);
    expect(
      await knex('public.case_milestones').where({ case_id: given.id }).pluck('milestone_id'),
    ).toEqual(['in-review']);
  });
});
