/**
 * A citizen applies with the keyboard only (issue 8, point 6): skip link first, a visible focus
 * on every element reached with Tab, focus on the new page's heading after each step, the
 * error summary focused and linked to its fields, options chosen with arrow keys and Space,
 * the file picker opened with Enter, and the application sent once from the review step.
 * No mouse, no element.click() or fill(): only page.keyboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2e, type E2e } from './support/e2e';
import { adoptService, INSURANCE_PDF, WORKFLOWS } from './support/portalFlow';

let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e({ WORKFLOWS_DIR: WORKFLOWS });
  await adoptService(e2e.server.knex, 'eschenbach', 'dog-registration');
}, 120_000);

afterAll(async () => {
  await e2e?.stop();
});

/** What has the focus: its name as a user hears it, and whether its focus is drawn. */
interface Focused {
  tag: string;
  type: string;
  name: string;
  checked: boolean;
  ring: boolean;
}

// Evaluated in the page as a string: tests/ compiles without the DOM library.
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el) return null;
  const labels = el.labels ? Array.from(el.labels).map((l) => l.textContent).join(' ') : '';
  const name = (el.getAttribute('aria-label') || labels || el.textContent || '')
    .replace(/\\s+/g, ' ')
    .replace(/\\s*\\*$/, '')
    .trim();
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== 'none';
  return {
    tag: el.tagName.toLowerCase(),
    type: el.getAttribute('type') || '',
    name,
    checked: el.checked === true,
    ring: outline || shadow,
  };
})()`;

async function focused(page: Page): Promise<Focused> {
  const info = (await page.evaluate(FOCUSED)) as Focused | null;
  if (!info) throw new Error('nothing has the focus');
  return info;
}

/** Presses `key` until the focused element is named `name`; every stop must show its focus. */
async function tabTo(
  page: Page,
  name: string | RegExp,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
): Promise<Focused> {
  const visited: string[] = [];
  for (let step = 0; step < 60; step += 1) {
    await page.keyboard.press(key);
    const now = await focused(page);
    visited.push(`${now.tag}:${now.name}`);
    expect(now.ring, `no visible focus on ${now.tag} "${now.name}"`).toBe(true);
    if (typeof name === 'string' ? now.name === name : name.test(now.name)) return now;
  }
  throw new Error(`"${String(name)}" not reached with ${key}; visited: ${visited.join(' | ')}`);
}

/** After a step, the focus is on the new page's heading, so reading starts there. */
async function expectHeadingFocused(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await expect.poll(async () => focused(page)).toMatchObject({ tag: 'h1', name });
}

async function typeInto(page: Page, label: string, text: string): Promise<void> {
  await tabTo(page, label);
  await page.keyboard.type(text);
}

describe('applying for a dog registration with the keyboard only', () => {
  it('reaches every step by keyboard, with visible focus, and sends once', async () => {
    const page = await e2e.newPage();
    const email = 'karl.tastatur@example.ch';

    // given Karl on the start page: the first Tab reaches the skip link, which leads to the content
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Serviceportal Kanton Luzern' }).waitFor();
    expect(await tabTo(page, 'Zum Inhalt springen')).toMatchObject({ tag: 'a' });
    await page.keyboard.press('Enter');
    expect(await tabTo(page, 'Gemeinde suchen')).toMatchObject({ tag: 'input' });

    // when he searches for his municipality and follows the only match
    await page.keyboard.type('eschen');
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('1 Gemeinde gefunden');
    await tabTo(page, 'Eschenbach (LU)');
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, 'Dienstleistungen – Eschenbach (LU)');

    // and opens the dog registration and starts the form
    await tabTo(page, 'Hundeanmeldung');
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, 'Hundeanmeldung');
    await tabTo(page, 'Gesuch starten');
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, 'Hundeanmeldung');
    await page.locator('.fjs-form').waitFor();

    // when he continues without answers, the error summary takes the focus and links to the fields
    await tabTo(page, 'Weiter');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Bitte korrigieren Sie Folgendes' }).waitFor();
    await expect
      .poll(async () => (await focused(page)).name)
      .toMatch(/^Bitte korrigieren Sie Folgendes/);
    await tabTo(page, /^Vorname: /);
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ tag: 'input', name: 'Vorname' });

    // and he fills in the form, field after field
    await page.keyboard.type('Karl');
    await typeInto(page, 'Nachname', 'Tastatur');
    await typeInto(page, 'Strasse', 'Dorfstrasse');
    await typeInto(page, 'PLZ', '6274');
    await typeInto(page, 'Ort', 'Eschenbach');
    await typeInto(page, 'E-Mail', email);
    await typeInto(page, 'Name des Hundes', 'Bello');
    await typeInto(page, 'Rasse', 'Labrador');
    // (a radio group is one Tab stop; the arrow keys choose within it)
    const first = await tabTo(page, /^(Hündin|Rüde)$/);
    expect(first.type).toBe('radio');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toMatchObject({ name: 'Hündin', checked: true });
    await typeInto(page, 'Geburtsdatum', '03/01/2024');
    await page.keyboard.press('Enter');
    await typeInto(page, 'Mikrochip-Nummer', '756098100123456');

    // and opens the file picker with Enter to attach his insurance proof
    // (listening before the key press: playwright intercepts the chooser only once it listens)
    const chooser = page.waitForEvent('filechooser');
    await tabTo(page, 'Browse');
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(INSURANCE_PDF);
    await page.locator('.fjs-filepicker-container').getByText('insurance-policy.pdf').waitFor();

    // and, having passed the confirmation, goes back to tick it with Space
    await tabTo(page, 'Weiter');
    const confirmation = 'Ich bestätige, dass meine Angaben vollständig und wahr sind.';
    expect(await tabTo(page, confirmation, 'Shift+Tab')).toMatchObject({ checked: false });
    await page.keyboard.press('Space');
    expect(await focused(page)).toMatchObject({ name: confirmation, checked: true });

    // then "continue" leads to the review, its heading focused, his answers listed
    await tabTo(page, 'Weiter');
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, 'Angaben prüfen');
    await page.getByText('insurance-policy.pdf').waitFor();
    await page.getByText('Hündin').waitFor();

    // when he sends with Enter, twice in a row
    await tabTo(page, 'Gesuch senden');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');

    // then the confirmation's heading has the focus, and exactly one case exists
    await expectHeadingFocused(page, 'Gesuch eingereicht');
    const reference = (await page.getByTestId('reference').textContent()) ?? '';
    const cases = (await e2e.server
      .knex('public.cases')
      .where({ applicant_email: email })
      .select('reference')) as { reference: string }[];
    expect(cases.map((c) => c.reference)).toEqual([reference]);
  }, 90_000);
});
