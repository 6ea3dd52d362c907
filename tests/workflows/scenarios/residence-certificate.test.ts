/**
 * Wohnsitzbestätigung (residence certificate) end to end: the citizen submits, the server's
 * register-lookup worker finds them (invoice and certificate without a clerk), or does not
 * (the clerk clarifies and rejects with a reason); the citizen follows it on the tracking page.
 */
import { describe, expect, it } from 'vitest';
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
  [{ username: 'ek.luzern', tenantId: 'luzern', groups: ['einwohnerkontrolle'] }],
  async (started) => {
    world = started;
    await started.adopt('luzern', 'residence-certificate', { fee: 25 });
  },
);

const application = (person: { firstName: string; lastName: string; birthDate: string }) => ({
  applicant: { ...person, email: 'citizen@example.ch' },
  purpose: 'für den Arbeitgeber',
  truthConfirmed: true,
});

describe('residence certificate', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it('found in the register: invoice and certificate without a clerk', async () => {
    // given Lea Keller, resident of Luzern (sample register), asking in English
    const submitted = await world.submitOk(
      'luzern',
      'residence-certificate',
      application({ firstName: 'Lea', lastName: 'Keller', birthDate: '1999-05-28' }),
      { language: 'en' },
    );

    // then the certificate is issued with no task for anyone
    const page = await world.milestoneReached(submitted, 'issued');
    expect(reachedMilestones(page, 'de')).toEqual([
      'Antrag eingegangen, Registerabfrage läuft',
      'Wohnsitzbestätigung ausgestellt',
    ]);
    expect(reachedMilestones(page, 'en')).toEqual([
      'Application received, checking the register',
      'Residence certificate issued',
    ]);
    expect(await world.knex('public.tasks').where({ case_id: submitted.id })).toEqual([]);

    // and the citizen downloads the certificate (English, the register's address) and the
    // QR-bill invoice over the tenant's fee
    const [certificateId] = documentsOf(page, 'certificate');
    const [invoiceId] = documentsOf(page, 'invoice');
    expect(page.documents).toHaveLength(2);
    const certificate = await world.download(submitted, certificateId!);
    expect(certificate.status).toBe(200);
    expect(certificate.text).toContain('Residence certificate');
    expect(certificate.text).toContain('We confirm that Lea Keller, born on 28.05.1999');
    expect(certificate.text).toContain('Address: Bruchstrasse 15, 6003 Luzern');
    expect(certificate.text).toContain('Purpose: für den Arbeitgeber');
    const invoice = await world.download(submitted, invoiceId!);
    expect(invoice.status).toBe(200);
    expect(invoice.text).toContain('25.00');
    expect(invoice.text).toContain('CH94 3077 8000 0610 0100 0');

    // and the mails: the tracking link at submission, then the certificate notice in English
    const mails = await world.mails(submitted.id, 2);
    expect(mails[1]).toMatchObject({
      to_address: 'citizen@example.ch',
      subject: `Your residence certificate ${submitted.reference}`,
    });
    expect(mails[1]!.text_body).toContain('Your residence certificate has been issued.');
    expect((await world.caseClosed(submitted)).statusLabel).toEqual(CLOSED_LABEL);
  });

  it('not found: the clerk clarifies and rejects with a reason', async () => {
    // given someone the register does not know
    const submitted = await world.submitOk(
      'luzern',
      'residence-certificate',
      application({ firstName: 'Anna', lastName: 'Muster', birthDate: '1985-04-12' }),
    );

    // then the resident office's clerk gets a task, and the citizen sees the review
    const clerk = await world.clerk('ek.luzern');
    const task = await world.inboxTask(clerk, (t) => t.caseId === submitted.id);
    expect(task).toMatchObject({
      elementId: 'review-residence',
      tenantId: 'luzern',
      candidateGroups: ['einwohnerkontrolle'],
    });
    const inReview = await world.milestoneReached(submitted, 'in-review');
    expect(reachedMilestones(inReview, 'de')).toEqual([
      'Antrag eingegangen, Registerabfrage läuft',
      'Wird von der Einwohnerkontrolle geprüft',
    ]);

    // when the clerk rejects with a reason
    await world.completeTask(clerk, task, {
      residenceConfirmed: 'no',
      rejectionReason: 'Unter diesen Angaben ist niemand gemeldet.',
    });

    // then the citizen sees the rejection, in both languages, and reads the reason
    const page = await world.milestoneReached(submitted, 'rejected');
    expect(reachedMilestones(page, 'de')).toEqual([
      'Antrag eingegangen, Registerabfrage läuft',
      'Wird von der Einwohnerkontrolle geprüft',
      'Antrag abgelehnt',
    ]);
    expect(reachedMilestones(page, 'en')).toEqual([
      'Application received, checking the register',
      'Being reviewed by the resident register office',
      'Application rejected',
    ]);
    expect(page.milestones.find((m) => m.id === 'issued')?.reachedAt).toBeNull();
    expect(page.documents.map((d) => d.kind)).toEqual(['decision']);
    const letter = await world.download(submitted, page.documents[0]!.id);
    expect(letter.text).toContain('Ablehnung: Wohnsitzbestätigung');
    expect(letter.text).toContain('Begründung: Unter diesen Angaben ist niemand gemeldet.');
    const mails = await world.mails(submitted.id, 2);
    expect(mails[1]!.subject).toBe(`Ihr Antrag ${submitted.reference}`);
    expect(mails[1]!.text_body).toContain('Wir können Ihnen leider keine Wohnsitzbestätigung');
    expect((await world.caseClosed(submitted)).statusLabel).toEqual(CLOSED_LABEL);
  });
});
