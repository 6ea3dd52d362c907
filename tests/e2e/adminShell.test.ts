/**
 * The back office's shell in a real Chromium against the real server: the login page in
 * German, signing in, the menu by role, the tenant switcher, and switching to English on the
 * same page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2e, type E2e } from './support/e2e';

let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
});

afterAll(async () => {
  await e2e?.stop();
});

const menuItems = (page: Page) => page.locator('.RaMenu-open a, .RaMenu-closed a').allInnerTexts();

describe('the back office shell', () => {
  it('asks for a login in German, signs a clerk in and shows the clerk’s menu', async () => {
    // given a visitor without a session who opens the back office
    const page = await e2e.newPage();
    await page.goto('/admin/');

    // then the login page comes, in German
    await page.waitForURL('**/admin/login');
    await page.getByRole('heading', { name: 'Anmeldung Backoffice' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de-CH');
    expect(await page.locator('button[type="submit"]').innerText()).toBe('ANMELDEN');
    await e2e.screenshot(page, 'shell-login');

    // when the clerk signs in
    await e2e.login(page, 'clerk');

    // then the menu shows the clerk's work, not the administration
    const items = await menuItems(page);
    expect(items).toEqual(expect.arrayContaining(['Übersicht', 'Pendenzen', 'Fälle']));
    expect(items).not.toContain('Benutzer/innen');
    // and a clerk of two municipalities works in the first of them (by id), and may switch
    await expect(page.getByRole('combobox', { name: 'Mandant' }).textContent()).resolves.toBe(
      'Eschenbach (LU)',
    );
    await e2e.screenshot(page, 'shell-clerk');
  });

  it('switches the tenant and keeps the page when the language changes', async () => {
    // given a clerk on the inbox page
    const page = await e2e.newPage();
    await e2e.login(page, 'clerk');
    await page.getByRole('menuitem', { name: 'Pendenzen' }).click();
    await page.waitForURL('**/admin/tasks');

    // when she switches to English
    await page.getByRole('button', { name: /Sprache wählen/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();

    // then the same page is shown in English
    await page.getByRole('menuitem', { name: 'Tasks' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/tasks');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // and the choice outlives a reload
    await page.reload();
    await page.getByRole('menuitem', { name: 'Cases' }).waitFor();

    // when she works for Luzern instead of Eschenbach
    await page.getByRole('combobox', { name: 'Tenant' }).click();
    await page.getByRole('option', { name: 'Luzern' }).click();

    // then the server knows, and the app bar says so
    await page.getByText('You now work for Luzern.').waitFor();
    await expect(page.getByRole('combobox', { name: 'Tenant' }).textContent()).resolves.toBe(
      'Luzern',
    );
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    expect(me).toMatchObject({ currentTenantId: 'luzern' });
  });

  it('shows an administrator the administration', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'admin');
    expect(await menuItems(page)).toEqual(
      expect.arrayContaining(['Pendenzen', 'Benutzer/innen', 'Gruppen', 'Protokoll']),
    );
  });

  it('refuses a wrong password with a German message and stays on the login page', async () => {
    const page = await e2e.newPage();
    await page.goto('/admin/login');
    await page.locator('input[name="username"]').fill(e2e.users.clerk.username);
    await page.locator('input[name="password"]').fill('wrong password');
    await page.locator('button[type="submit"]').click();
    await page
      .getByRole('alert')
      .filter({ hasText: /Anmeldung/ })
      .first()
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/login');
  });
});
