/**
 * The administration pages and the dashboard in a real Chromium against the real server:
 * each list speaks its route's contract (ra-data-simple-rest, `{ data, pageInfo }` pages or a
 * whole array) and shows the records an administrator of Luzern may see; the dashboard draws
 * its charts. Screenshots: tests/e2e/artifacts/admin-*.png, dashboard.png.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adopt, eventually, submissionBody, submit } from '../api/catalog/fixtures/portalServer';
import { startE2e, type E2e } from './support/e2e';

const WORKFLOWS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/workflows');

let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e({ WORKFLOWS_DIR: WORKFLOWS });
  await adopt(e2e.server.knex, 'luzern', {
    responsible_group: 'einwohnerkontrolle',
    fee_cents: 4500,
  });
  const res = await submit(e2e.server, submissionBody());
  expect(res.status).toBeLessThan(300);
  await eventually(async () => {
    const mail = await e2e.server.knex('public.mail_outbox').first('id');
    return mail ? true : undefined;
  });
}, 120_000);

afterAll(async () => {
  await e2e?.stop();
});

describe('the administration pages', () => {
  it.each([
    ['tenants', 'Mandanten', 'Eschenbach (LU)'],
    ['service-adoptions', 'Dienstleistungsfreigaben', 'CHF 45.00'],
    ['users', 'Benutzer/innen', 'e2e.clerk'],
    ['groups', 'Gruppen', 'Einwohnerkontrolle'],
    ['mail-outbox', 'E-Mail-Ausgang', 'anna.muster@example.ch'],
    ['audit-log', 'Protokoll', 'case.submit'],
  ])('lists %s', async (resource, menu, expected) => {
    // given the administrator of Luzern
    const page = await e2e.newPage();
    await e2e.login(page, 'admin');

    // when she opens the page from the menu
    await page.getByRole('menuitem', { name: menu }).click();
    await page.waitForURL(`**/admin/${resource}**`);

    // then its records are listed, without an error
    await page.locator('tbody').getByText(expected).first().waitFor();
    expect(await page.locator('.MuiAlert-standardError, .MuiSnackbarContent-root').count()).toBe(0);
    await e2e.screenshot(page, `admin-${resource}`);
  });

  it('edits a service adoption’s fee in francs', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'admin');
    await page.getByRole('menuitem', { name: 'Dienstleistungsfreigaben' }).click();
    await page.locator('tbody tr').first().click();
    const fee = page.getByLabel('Gebühr (CHF)');
    await expect(fee.inputValue()).resolves.toBe('45');
    await fee.fill('60.5');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.locator('tbody').getByText('CHF 60.50').waitFor();
    const row = (await e2e.server.knex('public.service_adoptions').first('fee_cents')) as {
      fee_cents: number;
    };
    expect(row.fee_cents).toBe(6050);
  });
});

describe('the dashboard', () => {
  it('draws the charts of the tenant', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'admin');
    const chart = page.getByRole('region', { name: 'Fälle pro Dienstleistung und Woche' });
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    await e2e.screenshot(page, 'dashboard');
  });
});
