/**
 * Baugesuch (building permit) end to end, Luzern consulting the canton: the building office
 * asks the applicant for missing documents until the application is complete; the
 * `building-permit-consultation-offices` decision selects the cantonal offices, each asked in
 * the canton's tenant (`building-consultation`, a task for a `kanton:` group) and answering by
 * message; meanwhile the 20-day public notice collects an objection (a message); the building
 * commission decides, and the applicant gets the decision letter and invoice, the objector an
 * e-mail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPdf } from '../../api/documents/fixtures';
import {
  CLOSED_LABEL,
  DAY_MS,
  documentsOf,
  reachedMilestones,
  scenarioHooks,
  startScenarioWorld,
  SCENARIO_TIMEOUT_MS,
  type ScenarioWorld,
  type Task,
} from './support/scenarioWorld';

let world: ScenarioWorld;

const OFFICES = {
  'umwelt-und-energie': 'uwe.kanton',
  gebaeudeversicherung: 'gvl.kanton',
  'verkehr-und-infrastruktur': 'vif.kanton',
} as const;

scenarioHooks(
  [
    { username: 'bau.luzern', tenantId: 'luzern', groups: ['bauamt'] },
    { username: 'bk.luzern', tenantId: 'luzern', groups: ['baukommission'] },
    ...Object.entries(OFFICES).map(([office, username]) => ({
      username,
      tenantId: 'kanton',
      groups: [office],
    })),
    { username: 'denkmal.kanton', tenantId: 'kanton', groups: ['denkmalpflege'] },
  ],
  async (started) => {
    world = started;
    await started.adopt('luzern', 'building-permit');
  },
);

const application = {
  applicant: {
    firstName: 'Anna',
    lastName: 'Muster',
    street: 'Bahnhofstrasse',
    houseNumber: '12a',
    postalCode: '6003',
    town: 'Luzern',
    email: 'anna.muster@example.ch',
  },
  applicantIsOwner: true,
  site: {
    parcelNumber: '1234',
    street: 'Seestrasse',
    houseNumber: '7',
    postalCode: '6004',
    town: 'Luzern',
  },
  projectType: 'newBuilding',
  buildingCosts: 850000,
  projectDescription: 'Neubau Einfamilienhaus mit Doppelgarage',
  outsideBuildingZone: false,
  heritageProtected: false,
  adjacentToCantonalRoad: true,
  truthConfirmed: true,
};

const objection = {
  name: 'Beat Nachbar',
  email: 'beat.nachbar@example.ch',
  address: 'Seestrasse 9, 6004 Luzern',
  receivedOn: '2026-03-10',
};

/** The milestones with the two parallel ones (3rd and 4th) as one sorted pair. */
const inOrder = (labels: string[]) => [
  ...labels.slice(0, 2),
  labels.slice(2, 4).sort((a, b) => a.localeCompare(b, 'de')),
  ...labels.slice(4),
];

describe('building permit', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it('completeness loop, cantonal consultation, public notice with an objection, decision', async () => {
    // given Anna submits her building application with plans
    const submitted = await world.submitOk('luzern', 'building-permit', application, {
      files: { plans: [await tinyPdf('Grundriss'), await tinyPdf('Schnitt')] },
    });

    // when the building office finds a document missing
    const office = await world.clerk('bau.luzern');
    const check = await world.inboxTask(office, (t) => t.caseId === submitted.id);
    expect(check).toMatchObject({ elementId: 'check-completeness', candidateGroups: ['bauamt'] });
    await world.completeTask(office, check, {
      documentsComplete: 'no',
      missingDocuments: 'Energienachweis (EN-LU)',
    });

    // then the applicant is told by e-mail and asked on the tracking page
    const request = await world.openRequest(submitted.id);
    expect(request.element_id).toBe('submit-documents');
    const asked = await world.milestoneReached(submitted, 'documents-requested');
    expect(asked.openRequests).toHaveLength(1);
    const missingMail = await world.mails(submitted.id, 2);
    expect(missingMail[1]!.subject).toBe(`Baugesuch ${submitted.reference}: Unterlagen fehlen`);
    expect(missingMail[1]!.text_body).toContain('Energienachweis (EN-LU)');

    // when she hands them in, the office checks again and finds it complete
    await world.answerRequest(submitted, 'luzern', { applicantComment: 'Nachgereicht.' });
    const recheck = await world.inboxTask(
      office,
      (t) => t.caseId === submitted.id && t.id !== check.id,
    );
    expect(recheck.elementId).toBe('check-completeness');
    await world.completeTask(office, recheck, { documentsComplete: 'yes' });

    // then each office the decision selects gets a task in the canton's inbox, not Luzern's
    const statements = new Map<string, Task>();
    for (const [group, username] of Object.entries(OFFICES)) {
      const clerk = await world.clerk(username);
      const task = await world.inboxTask(clerk, (t) => t.elementId === 'write-statement');
      expect(task).toMatchObject({ tenantId: 'kanton', candidateGroups: [group] });
      const detail = (await (await clerk.get(`/api/tasks/${task.id}`)).json()) as Task;
      expect(detail.variables).toMatchObject({
        caseReference: submitted.reference,
        applicantName: 'Anna Muster',
      });
      statements.set(group, task);
    }
    const luzernInbox = (await (await office.get('/api/tasks')).json()) as Task[];
    expect(luzernInbox.filter((t) => t.elementId === 'write-statement')).toEqual([]);
    const heritage = await world.clerk('denkmal.kanton');
    expect((await (await heritage.get('/api/tasks')).json()) as Task[]).toEqual([]);
    await world.milestoneReached(submitted, 'consultation');

    // and the public notice has begun; a neighbour objects during it
    await world.milestoneReached(submitted, 'public-notice');
    await world.zeebe.publishMessage({
      name: 'objection-received',
      correlationKey: submitted.reference,
      messageId: `${submitted.reference}/objection/1`,
      timeToLive: 3_600_000,
      tenantId: 'luzern',
      variables: { objection },
    });

    // when the offices answer
    for (const [group, task] of statements) {
      await world.completeTask(await world.clerk(OFFICES[group as keyof typeof OFFICES]), task, {
        verdict: group === 'verkehr-und-infrastruktur' ? 'approveWithConditions' : 'approve',
        ...(group === 'verkehr-und-infrastruktur' ? { conditions: 'Sichtzone freihalten' } : {}),
        statementText: 'Stellungnahme der Dienststelle.',
      });
    }
    // then the commission does not decide before the 20 days have passed
    const commission = await world.clerk('bk.luzern');
    await world.advanceClock(19 * DAY_MS);
    await world.mails(submitted.id, 3);
    expect((await (await commission.get('/api/tasks')).json()) as Task[]).toEqual([]);
    await world.advanceClock(DAY_MS + 60_000);

    // when the notice is over, the commission sees the statements and the objection
    const decide = await world.inboxTask(commission, (t) => t.caseId === submitted.id);
    expect(decide.elementId).toBe('decide');
    const detail = (await (await commission.get(`/api/tasks/${decide.id}`)).json()) as Task;
    expect(detail.variables?.objections).toEqual([objection]);
    expect(
      (detail.variables?.statements as { office: string; verdict: string }[]).map((s) => [
        s.office,
        s.verdict,
      ]),
    ).toEqual([
      ['umwelt-und-energie', 'approve'],
      ['gebaeudeversicherung', 'approve'],
      ['verkehr-und-infrastruktur', 'approveWithConditions'],
    ]);
    await world.completeTask(commission, decide, {
      decision: 'approveWithConditions',
      conditions: 'Sichtzone zur Kantonsstrasse freihalten.',
      reasoning: 'Das Vorhaben entspricht dem Bau- und Zonenreglement.',
      objectionRuling: 'Die Einsprache wird abgewiesen.',
      permitFee: 2500,
    });

    // then the applicant sees every step, gets the decision letter and the invoice
    const page = await world.milestoneReached(submitted, 'decided');
    // (consultation and public notice run in parallel: either may be reached first)
    expect(inOrder(reachedMilestones(page, 'de'))).toEqual([
      'Vollständigkeit wird geprüft',
      'Unterlagen nachgefordert',
      ['Kantonale Stellungnahmen werden eingeholt', 'Öffentliche Auflage (20 Tage)'],
      'Entscheid der Baukommission in Vorbereitung',
      'Entscheid eröffnet',
    ]);
    expect(inOrder(reachedMilestones(page, 'en'))).toEqual([
      'Checking completeness',
      'Documents requested',
      ['Obtaining cantonal statements', 'Public notice (20 days)'],
      'Building commission preparing the decision',
      'Decision issued',
    ]);
    const letter = await world.download(submitted, documentsOf(page, 'decision')[0]!);
    expect(letter.text).toContain('Bauentscheid');
    expect(letter.text).toContain('Die Baubewilligung wird unter Auflagen erteilt.');
    expect(letter.text).toContain('Einsprachen (1): Die Einsprache wird abgewiesen.');
    const invoice = await world.download(submitted, documentsOf(page, 'invoice')[0]!);
    expect(invoice.text).toContain('2 500.00');
    // and the mails: the decision to the applicant and to the objector
    const mails = await world.mails(submitted.id, 5);
    expect(mails.map((m) => [m.to_address, m.subject])).toEqual(
      expect.arrayContaining([
        ['anna.muster@example.ch', `Baugesuch ${submitted.reference}: Entscheid`],
        ['beat.nachbar@example.ch', `Einsprache gegen Baugesuch ${submitted.reference}: Entscheid`],
      ]),
    );
    expect((await world.caseClosed(submitted)).statusLabel).toEqual(CLOSED_LABEL);
  });
});

describe('building permit without multi-tenancy', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  let plain: ScenarioWorld;

  beforeAll(async () => {
    plain = await startScenarioWorld(
      [
        { username: 'bau.luzern', tenantId: 'luzern', groups: ['bauamt'] },
        { username: 'uwe.kanton', tenantId: 'kanton', groups: ['umwelt-und-energie'] },
      ],
      { multiTenancy: false },
    );
    await plain.adopt('luzern', 'building-permit');
  });

  afterAll(async () => {
    await plain?.stop();
  });

  it('asks the canton all the same: the consultation reaches the office and comes back', async () => {
    // given a heat pump (one office: environment and energy), complete at once
    const submitted = await plain.submitOk(
      'luzern',
      'building-permit',
      { ...application, projectType: 'heatPump', adjacentToCantonalRoad: false },
      { files: { plans: [await tinyPdf('Situationsplan')] } },
    );
    const office = await plain.clerk('bau.luzern');
    const check = await plain.inboxTask(office, (t) => t.caseId === submitted.id);
    await plain.completeTask(office, check, { documentsComplete: 'yes' });

    // then the office's task is the canton's, though every instance runs under <default>
    const canton = await plain.clerk('uwe.kanton');
    const statement = await plain.inboxTask(canton, (t) => t.elementId === 'write-statement');
    expect(statement).toMatchObject({
      tenantId: 'kanton',
      candidateGroups: ['umwelt-und-energie'],
    });
    expect(((await (await office.get('/api/tasks')).json()) as Task[]).length).toBe(0);

    // when the office answers and the notice period passes without objections
    await plain.completeTask(canton, statement, {
      verdict: 'approve',
      statementText: 'Zustimmung.',
    });
    await plain.milestoneReached(submitted, 'public-notice');
    await plain.advanceClock(20 * DAY_MS + 60_000);

    // then the decision is prepared: the statement came back to Luzern's instance
    await plain.milestoneReached(submitted, 'in-decision');
    expect(await plain.incidents()).toEqual([]);
  });
});
