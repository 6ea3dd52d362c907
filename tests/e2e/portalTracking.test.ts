/**
 * The citizen's tracking page and "my cases" in a real Chromium, against the whole server
 * (embedded engine, the real dog-registration workflow of Eschenbach, a real SMTP server):
 * a registration without insurance proof → the process asks the citizen for it → the citizen
 * uploads it from the tracking page → a clerk approves (API) → the citizen downloads the
 * decision and the QR-bill; "my cases" with a mailed code; another case's token and a
 * guessed reference show nothing; axe-core; a 390 px phone.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Browser } from '../api/auth/support/browser';
import { startSmtpServer, type SmtpTestServer } from '../api/mail/smtpTestServer';
import { mimeTextParts } from '../api/acceptance/mimeParts';
import { waitFor } from '../engine/harness';
import { startE2e, type E2e } from './support/e2e';
import { E2E_PASSWORD } from './support/e2eStaff';
import { adoptService, INSURANCE_PDF, seriousViolations } from './support/portalFlow';

const SERVICE = 'dog-registration';
const TENANT = 'eschenbach';

let smtp: SmtpTestServer;
/** Lea's case, submitted by the first test. */
let lea: Submitted;
let e2e: E2e;

beforeAll(async () => {
  smtp = await startSmtpServer();
  e2e = await startE2e({ SMTP_URL: smtp.url, CASE_START_RETRY_INTERVAL: '300ms' });
  await adoptService(e2e.server.knex, TENANT, SERVICE);
  await waitFor(
    async () =>
      (await e2e.server
        .knex('public.service_deployments')
        .where({ service_id: SERVICE })
        .first()) as object | undefined,
    { timeoutMs: 30_000 },
  );
}, 90_000);

afterAll(async () => {
  await e2e?.stop();
  await smtp?.close();
});

interface Submitted {
  id: string;
  reference: string;
  trackingUrl: string;
  trackingToken: string;
}

interface CitizenView {
  status: string;
  openRequests: { id: string; kind?: string }[];
  documents: { id: string; kind: string; name: string }[];
  timeline: { kind: string; milestoneId?: string }[];
}

function application(email: string, dogName: string) {
  return {
    applicant: {
      firstName: 'Anna',
      lastName: 'Muster',
      street: 'Dorfstrasse',
      houseNumber: '7',
      postalCode: '6274',
      town: 'Eschenbach',
      email,
    },
    dog: {
      name: dogName,
      breed: 'Labrador',
      sex: 'female',
      birthDate: '2024-03-01',
      microchipNumber: '756098100123456',
      assistanceDog: false,
    },
    dogsInHousehold: 1,
    truthConfirmed: true,
  };
}

/** A dog registration through the API, without the insurance proof. */
async function submitWithoutProof(email: string, dogName: string): Promise<Submitted> {
  const res = await fetch(
    `${e2e.baseUrl}/api/portal/tenants/${TENANT}/services/${SERVICE}/submissions`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ data: application(email, dogName) }),
    },
  );
  expect([201, 202], await res.clone().text()).toContain(res.status);
  return (await res.json()) as Submitted;
}

async function citizenView(reference: string, token: string): Promise<Response> {
  return fetch(`${e2e.baseUrl}/api/portal/cases/${reference}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
}

async function viewWhen(
  submitted: Submitted,
  ready: (view: CitizenView) => boolean,
): Promise<CitizenView> {
  return waitFor(
    async () => {
      const res = await citizenView(submitted.reference, submitted.trackingToken);
      const view = (await res.json()) as CitizenView;
      return ready(view) ? view : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 250 },
  );
}

/** The page's <html> as the browser sees it (tests/ compiles without the DOM lib). */
type WithDocument = { document: { documentElement: { lang: string; scrollWidth: number } } };

/** The tracking link's path and fragment, on the test server. */
const trackingPath = (submitted: Submitted) => {
  const url = new URL(submitted.trackingUrl);
  return `${url.pathname}${url.hash}`;
};

async function expectAccessible(page: Page, name: string): Promise<void> {
  const violations = await seriousViolations(page);
  if (violations.length) await e2e.screenshot(page, `${name}-axe`);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

describe('the tracking page', () => {
  it('shows the case and its first milestone from the tracking link, keeping the token out of the address', async () => {
    // given a dog registration without the insurance proof
    lea = await submitWithoutProof('lea.keller@example.ch', 'Bello');
    expect(trackingPath(lea)).toBe(`/track/${lea.reference}#${lea.trackingToken}`);
    await viewWhen(lea, (view) => view.openRequests.length > 0);

    // when Lea opens the tracking link
    const page = await e2e.newPage();
    await page.goto(trackingPath(lea));

    // then she sees the case, its status and the first public milestone
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ihr Gesuch: Hundeanmeldung');
    await page.getByText(lea.reference, { exact: true }).waitFor();
    await page.getByText('Wartet auf Ihre Antwort').waitFor();
    await page.locator('.case-timeline').getByText('Versicherungsnachweis nachgefordert').waitFor();
    // and the token left the address bar (no history entry, bookmark or screen shows it)
    expect(new URL(page.url()).hash).toBe('');
    expect(
      await page.evaluate(
        () => (globalThis as unknown as WithDocument).document.documentElement.lang,
      ),
    ).toBe('de-CH');
    await expectAccessible(page, 'tracking');

    // when she switches to English, the page stays and speaks English
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Your application: Dog registration');
    expect(new URL(page.url()).pathname).toBe(`/track/${lea.reference}`);
    expect(
      await page.evaluate(
        () => (globalThis as unknown as WithDocument).document.documentElement.lang,
      ),
    ).toBe('en');
    await page.getByText('Waiting for your answer').waitFor();
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ihr Gesuch: Hundeanmeldung');
  }, 90_000);

  it('answers the request with an upload, and after approval offers the decision and the QR-bill', async () => {
    // given Lea on her tracking page with the open request
    const page = await e2e.newPage();
    await page.goto(trackingPath(lea));
    const request = page.locator('.case-request');
    await request.locator('input[type="file"]').waitFor({ state: 'attached' });

    // when she sends without a file, she is told what is missing and nothing is sent
    await request.getByRole('button', { name: 'Antwort senden' }).click();
    await request.getByText('Bitte korrigieren Sie die markierten Felder.').waitFor();
    expect((await viewWhen(lea, () => true)).openRequests).toHaveLength(1);

    // when she uploads the insurance proof and sends it
    await request.locator('input[type="file"]').setInputFiles(INSURANCE_PDF);
    await request.getByRole('button', { name: 'Antwort senden' }).click();

    // then the request is answered and gone, the waiting task completed
    await page.getByText('Vielen Dank. Ihre Antwort wurde dem Amt übermittelt.').waitFor();
    await expect.poll(() => page.locator('.case-request').count()).toBe(0);
    const uploaded = await viewWhen(lea, (view) => view.openRequests.length === 0);
    expect(uploaded.documents.map((d) => d.kind)).toContain('upload');
    const citizenTask = (await e2e.server
      .knex('public.tasks')
      .where({ case_id: lea.id, audience: 'citizen' })
      .first('status')) as { status: string };
    expect(citizenTask.status).toBe('completed');

    // when the clerk approves the registration (API)
    const review = await waitFor(
      async () =>
        (await e2e.server
          .knex('public.tasks')
          .where({ case_id: lea.id, status: 'open' })
          .whereNot({ audience: 'citizen' })
          .first('id')) as { id: string } | undefined,
      { timeoutMs: 30_000 },
    );
    const clerk = await new Browser(e2e.baseUrl).loginOk('e2e.clerk', E2E_PASSWORD);
    expect((await clerk.post(`/api/tasks/${review.id}/claim`)).status).toBe(200);
    const completed = await clerk.post(`/api/tasks/${review.id}/complete`, {
      body: { data: { registrationApproved: 'yes', tagNumber: 'ESB-2026-17' } },
    });
    expect(completed.status, await completed.clone().text()).toBe(200);

    // then the decision and the QR-bill invoice appear on the tracking page
    await viewWhen(lea, (view) =>
      ['decision', 'invoice'].every((kind) => view.documents.some((d) => d.kind === kind)),
    );
    await page.getByRole('button', { name: 'Aktualisieren' }).click();
    for (const name of [/^Verfügung herunterladen/, /^Rechnung \(QR-Rechnung\) herunterladen/]) {
      const button = page.getByRole('button', { name });
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      const file = await download.path();
      expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    }
    await page.locator('.case-timeline').getByText('Hund registriert').waitFor();
    await expectAccessible(page, 'tracking-decided');
  }, 120_000);

  it("shows nothing of a case to another case's token or a guessed reference (page and API)", async () => {
    // given a second case, of someone else
    const tom = await submitWithoutProof('tom.meier@example.ch', 'Rex');

    // when Tom's token is used with Lea's reference, or a guessed reference with a valid token
    const wrongToken = `/track/${lea.reference}#${tom.trackingToken}`;
    const [year] = lea.reference.split('-').slice(1);
    const guessed = `LU-${year}-999999`;
    for (const [reference, token] of [
      [lea.reference, tom.trackingToken],
      [guessed, tom.trackingToken],
      [lea.reference, 'x'.repeat(43)],
    ] as const) {
      // then the API answers the same 404
      expect((await citizenView(reference, token)).status).toBe(404);
    }
    for (const path of [wrongToken, `/track/${guessed}#${tom.trackingToken}`]) {
      const page = await e2e.newPage();
      await page.goto(path);
      // and the page says it cannot show a case, and shows nothing of Lea's
      await page
        .getByText('Zu diesem Link können wir kein Gesuch anzeigen.', { exact: false })
        .waitFor();
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).not.toContain('Hundeanmeldung');
      expect(text).not.toContain('Bello');
      expect(text).not.toContain('Verfügung');
    }
  }, 60_000);

  it('works on a 390 px wide phone', async () => {
    const page = await e2e.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(trackingPath(lea));
    await page.locator('.case-timeline').getByText('Hund registriert').waitFor();
    // nothing wider than the screen: no sideways scrolling
    expect(
      await page.evaluate(
        () => (globalThis as unknown as WithDocument).document.documentElement.scrollWidth,
      ),
    ).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: /^Verfügung herunterladen/ }).focus();
    await expectAccessible(page, 'tracking-390');
    await e2e.screenshot(page, 'portal-tracking-390');
  }, 60_000);
});

describe('my cases', () => {
  it('signs in with a mailed one-time code and lists the cases, each opening its tracking page', async () => {
    // given Lea on "my cases"
    const page = await e2e.newPage();
    await page.goto('/my-cases');
    await expectAccessible(page, 'my-cases');

    // when she gives a malformed address, the error is tied to the field
    const email = page.getByLabel('E-Mail-Adresse');
    await email.fill('lea.keller');
    await page.getByRole('button', { name: 'Code senden' }).click();
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    const described = (await email.getAttribute('aria-describedby')) ?? '';
    const errorId = described.split(' ').find((id) => id && !id.endsWith('-hint'));
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toMatch(/E-Mail-Adresse/);

    // when she asks for a code for her address
    const before = smtp.received.length;
    await email.fill('lea.keller@example.ch');
    await page.getByRole('button', { name: 'Code senden' }).click();
    const mail = await waitFor(
      async () =>
        smtp.received
          .slice(before)
          .find((m) => m.to.includes('lea.keller@example.ch') && /Code/.test(m.raw)),
      { timeoutMs: 15_000 },
    );
    const code = /\b(\d{6})\b/.exec(mimeTextParts(mail.raw).text ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);

    // and switching the language keeps her at the code step
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Code from the e-mail').waitFor();
    await page.getByRole('button', { name: 'Deutsch' }).click();

    // then a wrong code is refused, the right one (sent with the keyboard) signs her in
    const codeField = page.getByLabel('Code aus der E-Mail');
    await codeField.fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByText('Der Code ist falsch oder nicht mehr gültig.', { exact: false }).waitFor();
    await codeField.fill(code!);
    await codeField.press('Enter');

    // and her case is listed with its municipality, Tom's is not
    const link = page.getByRole('link', { name: new RegExp(`Hundeanmeldung – ${lea.reference}`) });
    await link.waitFor();
    await page.locator('.case-list').getByText('Eschenbach (LU)', { exact: true }).waitFor();
    expect(await page.locator('.case-list li').count()).toBe(1);
    await expectAccessible(page, 'my-cases-list');

    // when she opens it, the tracking page opens with the session as its key
    await link.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ihr Gesuch: Hundeanmeldung');
    expect(new URL(page.url()).pathname).toBe(`/track/${lea.reference}`);
  }, 90_000);
});
