/**
 * The process designer in a real Chromium against the real server (with the catalog of
 * workflows/, deployed at start as version 1): a designer renames a user task, reads the change
 * summary, deploys with a comment and finds the new version in the version list; a service
 * task without a job type is rejected by the engine, and its error is shown at the element.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../engine/harness';
import { startE2e, type E2e } from './support/e2e';

const SERVICE = 'residence-certificate';
const USER_TASK = 'review-residence';
const SERVICE_TASK = 'create-invoice';

let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
  // the server deploys the catalog in the background at start
  await waitFor(
    async () =>
      (await e2e.server
        .knex('public.service_deployments')
        .where({ service_id: SERVICE })
        .first()) ?? undefined,
    { timeoutMs: 30_000 },
  );
}, 90_000);

afterAll(async () => {
  await e2e?.stop();
});

const element = (page: Page, id: string) => page.locator(`.djs-element[data-element-id="${id}"]`);

async function openDesigner(page: Page): Promise<void> {
  await page.goto(`/admin/processes/${SERVICE}`);
  await page.locator('#sp-designer-title').waitFor();
  await element(page, USER_TASK).waitFor();
}

/** Clicks the element on the canvas and answers the properties panel's input for `field`. */
async function propertyOf(page: Page, id: string, field: 'name' | 'taskDefinitionType') {
  await element(page, id).click();
  const panel = page.locator('.sp-properties-panel');
  const input = panel.locator(`#bio-properties-panel-${field}`);
  if (!(await input.isVisible())) {
    // the panel's groups start collapsed
    await panel
      .getByText(field === 'name' ? 'General' : 'Task definition', { exact: true })
      .click();
  }
  await input.waitFor();
  return input;
}

describe('the process designer', () => {
  it('renames a user task, deploys it with a comment, and lists the new version', async () => {
    // given a designer in the process library
    const page = await e2e.newPage();
    await e2e.login(page, 'designer');
    await page.getByRole('menuitem', { name: 'Prozesse' }).click();
    await page.getByText('Wohnsitzbestätigung').first().waitFor();

    // when she opens the designer and renames the user task
    await openDesigner(page);
    await page.getByTestId('lint-summary').waitFor();
    const name = await propertyOf(page, USER_TASK, 'name');
    await name.fill('Wohnsitz prüfen');
    await page
      .getByTestId('draft-state')
      .filter({ hasText: 'ungespeicherte Änderungen' })
      .waitFor();
    await e2e.screenshot(page, 'designer');

    // and asks to deploy
    await page.getByRole('button', { name: 'Bereitstellen …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Neue Version bereitstellen' });
    await dialog.waitFor();

    // then the summary names the renamed task against the deployed version
    const summary = await dialog.getByTestId('change-summary').innerText();
    expect(summary).toContain('geändert: Wohnsitz prüfen (review-residence)');
    expect(summary).toContain('vorher: Wohnsitz abklären');
    await e2e.screenshot(page, 'designer-deploy-dialog');

    // when she deploys with a comment
    await dialog.getByLabel('Kommentar zur Version').fill('Aufgabe umbenannt');
    await dialog.getByRole('button', { name: 'Bereitstellen', exact: true }).click();

    // then the version list shows version 2 as the latest, with her comment
    await page.waitForURL(`**/admin/processes/${SERVICE}/show`);
    const versions = page.getByTestId('version-list');
    await versions.getByText('Aufgabe umbenannt').waitFor();
    const rows = await versions.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toMatch(/^2\s+aktuell/);
    expect(rows[0]).toContain('Daniel Design');
    expect(rows[1]).toMatch(/^1\b/);
    await e2e.screenshot(page, 'designer-versions');
  });

  it('shows the engine’s error at a service task without a job type', async () => {
    // given the designer removes the job type of a service task
    const page = await e2e.newPage();
    await e2e.login(page, 'designer');
    await openDesigner(page);
    const jobType = await propertyOf(page, SERVICE_TASK, 'taskDefinitionType');
    await jobType.fill('');
    await jobType.blur();

    // when she deploys
    await page.getByRole('button', { name: 'Bereitstellen …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Neue Version bereitstellen' });
    await dialog.getByLabel('Kommentar zur Version').fill('ohne Job-Typ');
    await dialog.getByRole('button', { name: 'Bereitstellen', exact: true }).click();

    // then the element is marked and carries the engine's message
    await page.locator(`.djs-element.sp-deploy-error[data-element-id="${SERVICE_TASK}"]`).waitFor();
    const note = page.locator('.sp-deploy-note').first();
    await note.waitFor();
    expect(await note.innerText()).toMatch(/taskDefinition|type/);
    const problem = page.getByTestId('deployment-problem').first();
    expect(await problem.innerText()).toContain(SERVICE_TASK);
    await e2e.screenshot(page, 'designer-deployment-error');

    // and nothing was deployed
    const res = await page.evaluate(
      async (id) => (await fetch(`/api/processes/${id}`)).json(),
      SERVICE,
    );
    expect(res).toMatchObject({ latestVersion: 2 });
  });
});
