/**
 * Parkkarte (resident parking permit) end to end: an invalid licence plate is refused at
 * submission; otherwise the `parking-permit-fee` decision prices zone and duration, the clerk
 * approves (QR-bill invoice and the permit) or rejects (a letter with the reason).
 */
import { describe, expect, it } from 'vitest';
import { tinyPdf } from '../../api/documents/fixtures';
import {
  CLOSED_LABEL,
  documentsOf,
  reachedMilestones,
  scenarioHooks,
  SCENARIO_TIMEOUT_MS,
  type ScenarioWorld,
} from './support/scenarioWorld';

let world: ScenarioWorld;

scenarioHooks(
  [{ username: 'pk.luzern', tenantId: 'luzern', groups: ['parkkarten'] }],
  async (started) => {
    world = started;
    await started.adopt('luzern', 'parking-permit');
  },
);

/** The first of next month (a permit cannot start in the past), and the day before `months` later. */
const nextMonth = (() => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
})();
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const swissDay = (date: Date) => isoDay(date).split('-').reverse().join('.');
const lastDay = (months: number) =>
  new Date(Date.UTC(nextMonth.getUTCFullYear(), nextMonth.getUTCMonth() + months, 0));

const application = (fields: Record<string, unknown> = {}) => ({
  applicant: {
    firstName: 'Claudia',
    lastName: 'Huber',
    street: 'Haldenstrasse',
    houseNumber: '33',
    postalCode: '6006',
    town: 'Luzern',
    email: 'claudia.huber@example.ch',
  },
  zone: 'B',
  licencePlate: 'LU 123456',
  durationMonths: '6',
  validFrom: isoDay(nextMonth),
  truthConfirmed: true,
  ...fields,
});

const withRegistration = async (language: 'de' | 'en' = 'de') => ({
  language,
  files: { vehicleRegistration: [await tinyPdf('Fahrzeugausweis')] },
});

const countCases = async () =>
  Number(((await world.knex('public.cases').count({ n: '*' })) as { n: string | number }[])[0]!.n);

describe('parking permit', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it.each([
    ['de', 'Schweizer Kontrollschild: Kantonskürzel und Nummer, z. B. LU 123456'],
    ['en', 'Swiss licence plate: canton code and number, e.g. LU 123456'],
  ] as const)(
    'an invalid licence plate is refused at submission (%s)',
    async (language, message) => {
      // given nothing submitted yet
      const before = await countCases();

      // when the plate is not a Swiss one
      const res = await fetch(
        `${world.server.baseUrl}/api/portal/tenants/luzern/services/parking-permit/submissions`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Accept-Language': language },
          body: JSON.stringify({
            applicant: { language },
            data: application({ licencePlate: 'XY 12', vehicleRegistration: [] }),
          }),
        },
      );

      // then a problem names the field in the citizen's language, and no case exists
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await res.json()) as { errors: { field: string; message: string }[] };
      expect(problem.errors).toContainEqual({ field: 'data.licencePlate', message });
      expect(await countCases()).toBe(before);
    },
  );

  it('the fee by zone and duration, approval: QR-bill invoice and the permit', async () => {
    // given a permit for zone B and six months, asked in English
    const submitted = await world.submitOk(
      'luzern',
      'parking-permit',
      application(),
      await withRegistration('en'),
    );

    // then the clerk's task shows the fee the decision table gave: CHF 240
    const clerk = await world.clerk('pk.luzern');
    const task = await world.inboxTask(clerk, (t) => t.caseId === submitted.id);
    expect(task).toMatchObject({
      elementId: 'review-application',
      candidateGroups: ['parkkarten'],
    });
    const detail = (await (await clerk.get(`/api/tasks/${task.id}`)).json()) as {
      variables: Record<string, unknown>;
    };
    expect(detail.variables.permitFee).toBe(240);
    const inReview = await world.milestoneReached(submitted, 'in-review');
    expect(reachedMilestones(inReview, 'en')).toEqual(['Application being reviewed']);

    // when the clerk approves
    await world.completeTask(clerk, task, { permitApproved: 'yes', permitNumber: 'PK-2026-0815' });

    // then the citizen gets the permit and the invoice over CHF 240
    const page = await world.milestoneReached(submitted, 'issued');
    expect(reachedMilestones(page, 'de')).toEqual(['Gesuch wird geprüft', 'Parkkarte ausgestellt']);
    expect(reachedMilestones(page, 'en')).toEqual([
      'Application being reviewed',
      'Parking permit issued',
    ]);
    const invoice = await world.download(submitted, documentsOf(page, 'invoice')[0]!);
    expect(invoice.text).toContain('240.00');
    const permit = await world.download(submitted, documentsOf(page, 'certificate')[0]!);
    expect(permit.text).toContain('Resident parking permit zone B');
    expect(permit.text).toContain('Licence plate: LU 123456');
    expect(permit.text).toContain(`Valid from ${swissDay(nextMonth)} to ${swissDay(lastDay(6))}`);
    const mails = await world.mails(submitted.id, 2);
    expect(mails[1]!.subject).toBe(`Your parking permit ${submitted.reference}`);
    expect((await world.caseClosed(submitted)).statusLabel).toEqual(CLOSED_LABEL);
  });

  it.each([
    ['A', '12', 600],
    ['C', '1', 30],
  ])('zone %s for %s month(s) costs CHF %i', async (zone, durationMonths, fee) => {
    const submitted = await world.submitOk(
      'luzern',
      'parking-permit',
      application({ zone, durationMonths }),
      await withRegistration(),
    );
    const clerk = await world.clerk('pk.luzern');
    const task = await world.inboxTask(clerk, (t) => t.caseId === submitted.id);
    const detail = (await (await clerk.get(`/api/tasks/${task.id}`)).json()) as {
      variables: Record<string, unknown>;
    };
    expect(detail.variables.permitFee).toBe(fee);
  });

  it('rejection: a letter with the reason, no invoice', async () => {
    const submitted = await world.submitOk(
      'luzern',
      'parking-permit',
      application({ zone: 'A' }),
      await withRegistration(),
    );
    const clerk = await world.clerk('pk.luzern');
    const task = await world.inboxTask(clerk, (t) => t.caseId === submitted.id);

    await world.completeTask(clerk, task, {
      permitApproved: 'no',
      rejectionReason: 'Die Adresse liegt nicht in Zone A.',
    });

    const page = await world.milestoneReached(submitted, 'rejected');
    expect(reachedMilestones(page, 'de')).toEqual(['Gesuch wird geprüft', 'Gesuch abgelehnt']);
    expect(reachedMilestones(page, 'en')).toEqual([
      'Application being reviewed',
      'Application rejected',
    ]);
    expect(documentsOf(page, 'invoice')).toEqual([]);
    expect(documentsOf(page, 'certificate')).toEqual([]);
    const letter = await world.download(submitted, documentsOf(page, 'decision')[0]!);
    expect(letter.text).toContain('Gesuch um Parkkarte: Ablehnung');
    expect(letter.text).toContain('Begründung: Die Adresse liegt nicht in Zone A.');
    const mails = await world.mails(submitted.id, 2);
    expect(mails[1]!.subject).toBe(`Ihr Gesuch um eine Parkkarte ${submitted.reference}`);
    expect((await world.caseClosed(submitted)).statusLabel).toEqual(CLOSED_LABEL);
  });
});
