/**
 * Hundeanmeldung (dog registration) end to end: with the insurance proof attached the clerk
 * reviews and the `dog-tax` decision prices the QR-bill invoice; without it the citizen is
 * asked to upload it, reminded after 14 days, and after 28 days the request is withdrawn and
 * a clerk clarifies. Time moves through the engine's clock actuator.
 */
import { describe, expect, it } from 'vitest';
import { tinyPdf } from '../../api/documents/fixtures';
import {
  CLOSED_LABEL,
  DAY_MS,
  documentsOf,
  reachedMilestones,
  scenarioHooks,
  SCENARIO_TIMEOUT_MS,
  type ScenarioWorld,
} from './support/scenarioWorld';

let world: ScenarioWorld;

scenarioHooks(
  [{ username: 'ek.luzern', tenantId: 'luzern', groups: ['einwohnerkontrolle'] }],
  async (started) => {
    world = started;
    await started.adopt('luzern', 'dog-registration', { dogTaxRate: 100 });
  },
);

const registration = (dog: Record<string, unknown> = {}, dogsInHousehold = 2) => ({
  applicant: {
    firstName: 'Anna',
    lastName: 'Muster',
    street: 'Bahnhofstrasse',
    houseNumber: '12a',
    postalCode: '6003',
    town: 'Luzern',
    email: 'anna.muster@example.ch',
  },
  dog: {
    name: 'Bello',
    breed: 'Labrador Retriever',
    sex: 'male',
    birthDate: '2024-05-01',
    microchipNumber: '756098100123456',
    assistanceDog: false,
    ...dog,
  },
  dogsInHousehold,
  truthConfirmed: true,
});

describe('dog registration', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it('with the proof attached: review, dog tax by the DMN, QR-bill invoice and decision', async () => {
    // given Anna registers her second dog with the insurance proof attached, in English
    const submitted = await world.submitOk('luzern', 'dog-registration', registration(), {
      language: 'en',
      files: { insuranceProof: [await tinyPdf('Haftpflichtpolice')] },
    });

    // when the clerk approves it with a tag number
    const clerk = await world.clerk('ek.luzern');
    const task = await world.inboxTask(clerk, (t) => t.caseId === submitted.id);
    expect(task.elementId).toBe('review-registration');
    await world.completeTask(clerk, task, { registrationApproved: 'yes', tagNumber: 'LU-4711' });

    // then the dog is registered, the citizen sees it in both languages
    const page = await world.milestoneReached(submitted, 'registered');
    expect(reachedMilestones(page, 'de')).toEqual(['Anmeldung wird geprüft', 'Hund registriert']);
    expect(reachedMilestones(page, 'en')).toEqual([
      'Registration being reviewed',
      'Dog registered',
    ]);
    // and the tax of a second dog is 1.5 times Luzern's rate of CHF 100
    const [invoiceId] = documentsOf(page, 'invoice');
    const invoice = await world.download(submitted, invoiceId!);
    expect(invoice.text).toContain('150.00');
    const [decisionId] = documentsOf(page, 'decision');
    const decision = await world.download(submitted, decisionId!);
    expect(decision.text).toContain('Decision: dog registration');
    expect(decision.text).toContain('Dog tag no. LU-4711.');
    expect(decision.text).toContain('The yearly dog tax is CHF 150.');
    const mails = await world.mails(submitted.id, 2);
    expect(mails[1]).toMatchObject({
      to_address: 'anna.muster@example.ch',
      subject: 'Dog registration Bello: registered',
    });
    expect((await world.caseClosed(submitted)).statusLabel).toEqual(CLOSED_LABEL);
  });

  it('without the proof: a request to the citizen, a reminder after 14 days, then the review', async () => {
    // given a registration without the insurance proof
    const submitted = await world.submitOk('luzern', 'dog-registration', registration());

    // then the citizen is asked for it on the tracking page
    const request = await world.openRequest(submitted.id);
    expect(request.element_id).toBe('request-proof');
    await world.milestoneReached(submitted, 'proof-requested');
    const asked = await world.statusReached(submitted, 'waiting_for_citizen');
    expect(asked.openRequests).toHaveLength(1);
    expect(reachedMilestones(asked, 'de')).toEqual(['Versicherungsnachweis nachgefordert']);
    expect(reachedMilestones(asked, 'en')).toEqual(['Proof of insurance requested']);

    // when 13 days pass, no reminder yet; after the 14th day, the reminder e-mail
    await world.advanceClock(13 * DAY_MS);
    expect(await world.mails(submitted.id, 1)).toHaveLength(1);
    await world.advanceClock(DAY_MS + 60_000);
    const mails = await world.mails(submitted.id, 2);
    expect(mails[1]).toMatchObject({
      to_address: 'anna.muster@example.ch',
      subject: 'Erinnerung: Versicherungsnachweis für Bello',
    });
    expect(mails[1]!.text_body).toContain(submitted.reference);
    // and the request is still open
    expect((await world.tracking(submitted)).openRequests).toHaveLength(1);

    // when the citizen uploads the proof
    await world.answerRequest(submitted, 'luzern');

    // then the clerk reviews it; rejected with a reason, the citizen gets the decision
    const clerk = await world.clerk('ek.luzern');
    const task = await world.inboxTask(clerk, (t) => t.caseId === submitted.id);
    expect(task.elementId).toBe('review-registration');
    await world.completeTask(clerk, task, {
      registrationApproved: 'no',
      rejectionReason: 'Der Nachweis betrifft einen anderen Hund.',
    });
    const page = await world.milestoneReached(submitted, 'rejected');
    expect(reachedMilestones(page, 'de')).toEqual([
      'Versicherungsnachweis nachgefordert',
      'Anmeldung wird geprüft',
      'Anmeldung abgelehnt',
    ]);
    expect(page.openRequests).toEqual([]);
    const [letterId] = documentsOf(page, 'decision');
    const letter = await world.download(submitted, letterId!);
    expect(letter.text).toContain('Begründung: Der Nachweis betrifft einen anderen Hund.');
    expect(documentsOf(page, 'invoice')).toEqual([]);
    expect((await world.caseClosed(submitted)).statusLabel).toEqual(CLOSED_LABEL);
  });

  it('without the proof after 28 days: the request is withdrawn and a clerk clarifies', async () => {
    // given an assistance dog registered without the proof
    const submitted = await world.submitOk(
      'luzern',
      'dog-registration',
      registration({ name: 'Rex', assistanceDog: true }, 1),
    );
    const request = await world.openRequest(submitted.id);

    // when 28 days pass without an answer (the reminder goes out after 14)
    await world.advanceClock(14 * DAY_MS + 60_000);
    await world.mails(submitted.id, 2);
    await world.advanceClock(14 * DAY_MS);

    // then the resident office clarifies the missing proof
    const clerk = await world.clerk('ek.luzern');
    const clarify = await world.inboxTask(
      clerk,
      (t) => t.caseId === submitted.id && t.elementId === 'clarify-proof',
    );
    // and the citizen's request is withdrawn: answering it now finds no job
    await expect(world.answerRequest(submitted, 'luzern')).rejects.toMatchObject({ status: 409 });
    const withdrawn = (await world.knex('public.tasks').where({ id: request.id }).first()) as {
      status: string;
    };
    expect(withdrawn.status).toBe('canceled');
    expect((await world.tracking(submitted)).openRequests).toEqual([]);

    // when the clerk got the proof by post, files its scan and approves the registration
    await world.completeTask(clerk, clarify, {
      proofStatus: 'received',
      insuranceProof: [await world.storeUpload(submitted, 'luzern')],
      clarificationNote: 'Police per Post erhalten.',
    });
    const review = await world.inboxTask(
      clerk,
      (t) => t.caseId === submitted.id && t.elementId === 'review-registration',
    );
    await world.completeTask(clerk, review, { registrationApproved: 'yes', tagNumber: 'LU-4712' });

    // then an assistance dog is registered free of tax: a decision and no invoice
    const page = await world.milestoneReached(submitted, 'registered');
    expect(documentsOf(page, 'invoice')).toEqual([]);
    const [decisionId] = documentsOf(page, 'decision');
    const decision = await world.download(submitted, decisionId!);
    expect(decision.text).toContain('Ihr Hund ist von der Hundesteuer befreit.');
    expect((await world.caseClosed(submitted)).statusLabel).toEqual(CLOSED_LABEL);
  });
});
