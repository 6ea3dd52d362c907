/**
 * Umzugsmeldung (change of address) end to end: the resident office updates the register and
 * the citizen gets a confirmation; a move reported more than 14 days late reaches the clerk
 * flagged (`lateReport`, shown in the clerk's form).
 */
import { describe, expect, it } from 'vitest';
import {
  CLOSED_LABEL,
  DAY_MS,
  reachedMilestones,
  scenarioHooks,
  SCENARIO_TIMEOUT_MS,
  type ScenarioWorld,
  type Task,
} from './support/scenarioWorld';

let world: ScenarioWorld;

scenarioHooks(
  [{ username: 'ek.luzern', tenantId: 'luzern', groups: ['einwohnerkontrolle'] }],
  async (started) => {
    world = started;
    await started.adopt('luzern', 'change-of-address');
  },
);

/** The day `days` before today in Swiss time, as the server dates a submission. */
const daysAgo = (days: number) => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
};

const report = (moveDate: string) => ({
  moveType: 'moveWithin',
  moveDate,
  applicant: {
    firstName: 'Lukas',
    lastName: 'Steiner',
    birthDate: '1992-11-02',
    email: 'lukas.steiner@example.ch',
  },
  oldAddress: {
    street: 'Tribschenstrasse',
    houseNumber: '21',
    country: 'CH',
    postalCode: '6005',
    town: 'Luzern',
  },
  newAddress: {
    street: 'Bahnhofstrasse',
    houseNumber: '12a',
    country: 'CH',
    postalCode: '6003',
    town: 'Luzern',
  },
  householdMembers: [
    { firstName: 'Lena', lastName: 'Steiner', birthDate: '2015-09-30', relationship: 'child' },
  ],
  originCertificateSent: false,
  truthConfirmed: true,
});

async function taskDetail(taskId: string): Promise<Task & { variables: Record<string, unknown> }> {
  const clerk = await world.clerk('ek.luzern');
  return (await (await clerk.get(`/api/tasks/${taskId}`)).json()) as Task & {
    variables: Record<string, unknown>;
  };
}

describe('change of address', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it('reported in time: the register is updated and the citizen confirmed', async () => {
    // given a move within Luzern three days ago, reported in English
    const submitted = await world.submitOk('luzern', 'change-of-address', report(daysAgo(3)), {
      language: 'en',
    });

    // then the resident office gets the task, not flagged as late
    const clerk = await world.clerk('ek.luzern');
    const task = await world.inboxTask(clerk, (t) => t.caseId === submitted.id);
    expect(task).toMatchObject({
      elementId: 'update-register',
      candidateGroups: ['einwohnerkontrolle'],
    });
    expect((await taskDetail(task.id)).variables.lateReport).toBeUndefined();
    const inProgress = await world.milestoneReached(submitted, 'in-progress');
    expect(reachedMilestones(inProgress, 'en')).toEqual(['Report being processed']);

    // when the clerk updates the register
    await world.completeTask(clerk, task, { registerUpdated: true });

    // then the citizen sees it done and gets the confirmation in English
    const page = await world.milestoneReached(submitted, 'completed');
    expect(reachedMilestones(page, 'de')).toEqual([
      'Meldung wird bearbeitet',
      'Adresse im Einwohnerregister nachgeführt',
    ]);
    expect(reachedMilestones(page, 'en')).toEqual([
      'Report being processed',
      'Address updated in the resident register',
    ]);
    const mails = await world.mails(submitted.id, 2);
    expect(mails[1]).toMatchObject({
      to_address: 'lukas.steiner@example.ch',
      subject: `Change of address ${submitted.reference}: done`,
    });
    expect(mails[1]!.text_body).toContain('move within the municipality');
    expect(mails[1]!.text_body).toContain('Bahnhofstrasse 12a');
    expect((await world.caseClosed(submitted)).statusLabel).toEqual(CLOSED_LABEL);
  });

  it('reported more than 14 days late: flagged for the clerk', async () => {
    // given a move 20 days ago
    const submitted = await world.submitOk('luzern', 'change-of-address', report(daysAgo(20)));

    // then the clerk's task carries the flag the form shows
    const clerk = await world.clerk('ek.luzern');
    const task = await world.inboxTask(clerk, (t) => t.caseId === submitted.id);
    const detail = await taskDetail(task.id);
    expect(detail.variables.lateReport).toBe(true);

    // when the clerk updates the register with a note, the citizen is confirmed as usual
    await world.completeTask(clerk, task, {
      registerUpdated: true,
      clerkNote: 'Verspätete Meldung, Gebühr verrechnet.',
    });
    const page = await world.milestoneReached(submitted, 'completed');
    expect(reachedMilestones(page, 'de')).toEqual([
      'Meldung wird bearbeitet',
      'Adresse im Einwohnerregister nachgeführt',
    ]);
    const mails = await world.mails(submitted.id, 2);
    expect(mails[1]!.subject).toBe(`Umzugsmeldung ${submitted.reference}: erledigt`);
    expect((await world.caseClosed(submitted)).statusLabel).toEqual(CLOSED_LABEL);
  });

  it('reported exactly 14 days after the move: not late', async () => {
    const submitted = await world.submitOk('luzern', 'change-of-address', report(daysAgo(14)));
    const clerk = await world.clerk('ek.luzern');
    const task = await world.inboxTask(clerk, (t) => t.caseId === submitted.id);
    expect((await taskDetail(task.id)).variables.lateReport).toBeUndefined();
  });
});
