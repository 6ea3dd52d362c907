/**
 * A citizen applies online (issue 8, points 1–3, 6, 7): picks Eschenbach, opens the dog
 * registration, fills it with an upload, checks the answers, sends with a double click (one
 * case), sees the reference, and receives the tracking link by e-mail. Switching language on
 * the form keeps what was entered; the flow works at 390 px; axe-core finds no serious or
 * critical WCAG 2.1 AA violation on the pages passed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSmtpServer, type SmtpTestServer } from '../api/mail/smtpTestServer';
import { eventually } from '../api/catalog/fixtures/portalServer';
import { startE2e, type E2e } from './support/e2e';
import {
  adoptService,
  field,
  fillDogRegistration,
  seriousViolations,
  WORKFLOWS,
} from './support/portalFlow';

let e2e: E2e;
let smtp: SmtpTestServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  e2e = await startE2e({ WORKFLOWS_DIR: WORKFLOWS, SMTP_URL: smtp.url });
  await adoptService(e2e.server.knex, 'eschenbach', 'dog-registration');
}, 120_000);

afterAll(async () => {
  await e2e?.stop();
  await smtp?.close();
});

async function expectAccessible(page: Page, name: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

async function casesOf(email: string): Promise<{ id: string; reference: string }[]> {
  return (await e2e.server
    .knex('public.cases')
    .where({ applicant_email: email })
    .select('id', 'reference')) as { id: string; reference: string }[];
}

/** From the start page to the dog registration's form, as a citizen clicks through. */
async function openDogRegistration(page: Page, options: { axe: boolean }): Promise<void> {
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Serviceportal Kanton Luzern' }).waitFor();
  await page.getByLabel('Gemeinde suchen').fill('eschen');
  await expect
    .poll(() => page.getByRole('status').first().textContent())
    .toBe('1 Gemeinde gefunden');
  if (options.axe) await expectAccessible(page, 'start');
  await page.getByRole('link', { name: 'Eschenbach (LU)', exact: true }).click();

  await page.getByRole('heading', { name: 'Haustiere' }).waitFor();
  await page.getByRole('link', { name: 'Hundeanmeldung' }).click();

  await page.getByRole('heading', { level: 1, name: 'Hundeanmeldung' }).waitFor();
  await page.getByText('Was Sie brauchen').waitFor();
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Nachweis der Haftpflichtversicherung' })
    .waitFor();
  if (options.axe) await expectAccessible(page, 'service');
  await page.getByRole('link', { name: 'Gesuch starten' }).click();
  await field(page, 'Vorname').waitFor();
}

async function fillBirthDate(page: Page): Promise<void> {
  const date = page.getByLabel('Geburtsdatum');
  await date.fill('03/01/2024');
  await date.press('Enter');
}

describe('applying for a dog registration in Eschenbach', () => {
  it('sends once on a double click, confirms the reference and mails the tracking link', async () => {
    const page = await e2e.newPage();
    const email = 'anna.muster@example.ch';

    // given Anna on the form of Eschenbach's dog registration
    await openDogRegistration(page, { axe: true });

    // when she continues without answers, the errors are named at the fields and summarised
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('heading', { name: 'Bitte korrigieren Sie Folgendes' }).waitFor();
    const firstName = field(page, 'Vorname');
    const describedBy = (await firstName.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error-message'));
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toContain(
      'Bitte füllen Sie dieses Feld aus.',
    );

    // and she fills it in, with her insurance proof
    await fillDogRegistration(page, { email, dogName: 'Bello' });
    await fillBirthDate(page);
    await expectAccessible(page, 'form');

    // when she switches to English, the page stays and keeps every answer
    await page.getByRole('button', { name: 'English' }).click();
    await field(page, 'First name').waitFor();
    expect(await field(page, 'First name').inputValue()).toBe('Anna');
    expect(await field(page, "Dog's name").inputValue()).toBe('Bello');
    expect(await page.locator('.fjs-filepicker-container').textContent()).toContain(
      'insurance-policy.pdf',
    );
    expect(new URL(page.url()).pathname).toBe('/eschenbach/dog-registration/form');
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await field(page, 'Vorname').waitFor();
    expect(await field(page, 'Name des Hundes').inputValue()).toBe('Bello');

    // and she checks her answers
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Angaben prüfen' }).waitFor();
    await page.getByText('insurance-policy.pdf').waitFor();
    await page.getByText('Hündin').waitFor();

    // when she double-clicks "send"
    await page.getByRole('button', { name: 'Gesuch senden' }).dblclick();

    // then she sees the confirmation with the reference
    await page.getByRole('heading', { level: 1, name: 'Gesuch eingereicht' }).waitFor();
    const reference = (await page.getByTestId('reference').textContent()) ?? '';
    expect(reference).toMatch(/\S+/);
    await expectAccessible(page, 'confirmation');
    const trackingHref = await page
      .getByRole('link', { name: 'Stand des Gesuchs ansehen' })
      .getAttribute('href');
    expect(trackingHref).toMatch(new RegExp(`^/track/${reference}#.+`));

    // and exactly one case exists, with the insurance proof stored as its document
    const cases = await casesOf(email);
    expect(cases.map((c) => c.reference)).toEqual([reference]);
    const documents = (await e2e.server
      .knex('public.documents')
      .where({ case_id: cases[0]!.id })
      .select('id')) as unknown[];
    expect(documents).toHaveLength(1);

    // and the mail with the tracking link reaches her mailbox
    const mail = await eventually(async () =>
      smtp.received.find((m) => m.to.includes(email) && m.raw.includes(reference)),
    );
    expect(mail.raw.replace(/=\r?\n/g, '')).toContain(`/track/${reference}#`);
  }, 90_000);

  it('works at a 390 px wide viewport', async () => {
    const page = await e2e.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const email = 'beat.narrow@example.ch';

    await openDogRegistration(page, { axe: false });
    await fillDogRegistration(page, { email, dogName: 'Rex' });
    await fillBirthDate(page);
    const width = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
          .document.documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('button', { name: 'Gesuch senden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gesuch eingereicht' }).waitFor();
    const reference = (await page.getByTestId('reference').textContent()) ?? '';
    expect((await casesOf(email)).map((c) => c.reference)).toEqual([reference]);
    await e2e.screenshot(page, 'portal-confirmation-390');
  }, 90_000);

  it('saves the form and resumes it from the mailed link in another browser', async () => {
    const page = await e2e.newPage();
    const email = 'carla.later@example.ch';

    // given Carla has started the form
    await openDogRegistration(page, { axe: false });
    await field(page, 'Vorname').fill('Carla');
    await field(page, 'E-Mail').fill(email);
    await field(page, 'Name des Hundes').fill('Luna');

    // when she saves it for later
    await page.getByText('Speichern und später fortsetzen').click();
    // (the address she entered is offered once the section has opened)
    await expect.poll(() => page.getByLabel('Ihre E-Mail-Adresse').inputValue()).toBe(email);
    await page.getByRole('button', { name: 'Link senden' }).click();
    await page.getByText(/^Gespeichert\./).waitFor();

    // then the resume link arrives by mail
    const mail = await eventually(async () => smtp.received.find((m) => m.to.includes(email)));
    const link = /https?:\/\/\S+\/drafts\/resume#[A-Za-z0-9_-]{43}/.exec(
      mail.raw.replace(/=\r?\n/g, ''),
    )?.[0];
    expect(link).toBeDefined();

    // and opened in another browser, it continues the form with her answers
    const other = await e2e.newPage();
    const { pathname, hash } = new URL(link!);
    await other.goto(pathname + hash);
    await field(other, 'Vorname').waitFor();
    expect(new URL(other.url()).pathname).toBe('/eschenbach/dog-registration/form');
    expect(await field(other, 'Vorname').inputValue()).toBe('Carla');
    expect(await field(other, 'Name des Hundes').inputValue()).toBe('Luna');
  }, 90_000);
});
