/**
 * Cases and operations in a real Chromium against the real server: the case page of a
 * submitted case shows its timeline and its process diagram with the active step; when a
 * worker fails without retries left, an administrator finds the incident on the incidents
 * page, retries it once the worker works again, and the instance continues to its end.
 * Screenshots: tests/e2e/artifacts/case-page*.png and incidents-page.png.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZeebeClient, type ZeebeClient } from '../../server/src/engine/zeebeClient';
import {
  adopt,
  eventually,
  submissionBody,
  submit,
  type SubmittedCase,
} from '../api/catalog/fixtures/portalServer';
import { startE2e, type E2e } from './support/e2e';

/** The fixture dog-tag service, with a diagram (DI) for the viewer. */
const WORKFLOWS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/workflows');

let e2e: E2e;
let zeebe: ZeebeClient;
let submitted: SubmittedCase;
let instanceKey: string;
/** The register the worker of the case's first step asks: down until the test says otherwise. */
let registerDown = true;

beforeAll(async () => {
  e2e = await startE2e({ WORKFLOWS_DIR: WORKFLOWS, CASE_START_RETRY_INTERVAL: '300ms' });
  await adopt(e2e.server.knex, 'luzern', { responsible_group: 'einwohnerkontrolle' });
  submitted = (await (await submit(e2e.server, submissionBody())).json()) as SubmittedCase;
  instanceKey = await eventually(async () => {
    const row = (await e2e.server
      .knex('public.cases')
      .where('id', submitted.id)
      .first('process_instance_key')) as { process_instance_key: string | null } | undefined;
    return row?.process_instance_key ?? undefined;
  });
  zeebe = createZeebeClient(e2e.server.engineAddress);
}, 120_000);

afterAll(async () => {
  await zeebe?.close();
  await e2e?.stop();
});

/** The instance's state through the API, with the page's session. */
async function instanceState(page: Page): Promise<string> {
  const res = await page.request.get(`/api/monitoring/process-instances/${instanceKey}`);
  const view = (await res.json()) as { instance: { state: string } };
  return view.instance.state;
}

describe('the case page', () => {
  it('shows a submitted case’s timeline and its diagram with the active step', async () => {
    // given a clerk of the responsible group
    const page = await e2e.newPage();
    await e2e.login(page, 'clerk');

    // when she opens the case from the case list
    await page.goto('/admin/cases');
    await page.getByText(submitted.reference).click();
    await page.waitForURL(`**/admin/cases/${submitted.id}/show`);

    // then the timeline shows the public submission entry
    const timeline = page.getByTestId('case-timeline');
    await timeline.getByText('Gesuch eingereicht').waitFor();
    expect(await timeline.getByText('öffentlich').count()).toBeGreaterThan(0);
    // and the diagram marks the first step as active and the start event as completed
    const diagram = page.getByTestId('bpmn-diagram');
    await diagram.locator('[data-element-id="check"].sp-active').waitFor();
    await diagram.locator('[data-element-id="submitted"].sp-completed').waitFor();
    expect(await diagram.getAttribute('aria-label')).toContain('fixture-dog-tag');
    await e2e.screenshot(page, 'case-page');
  });
});

describe('the incidents page', () => {
  it('retries the incident of a failing worker, and the instance continues', async () => {
    // given the worker of the case's step fails while the register is down: an incident
    registerDown = true;
    zeebe.createWorker({
      taskType: 'fixture-dog-check',
      taskHandler: (job) =>
        registerDown
          ? job.fail({ errorMessage: 'Einwohnerregister nicht erreichbar', retries: 0 })
          : job.complete(),
    });
    const page = await e2e.newPage();
    await e2e.login(page, 'admin');
    await eventually(async () => ((await instanceState(page)) === 'INCIDENT' ? true : undefined));

    // when the administrator opens the incidents page
    await page.getByRole('menuitem', { name: 'Störungen' }).click();
    await page.waitForURL('**/admin/incidents**');
    const row = page.locator('tr', { hasText: 'Einwohnerregister nicht erreichbar' });
    await row.waitFor();
    expect(await row.innerText()).toContain(submitted.reference);
    await e2e.screenshot(page, 'incidents-page');

    // and retries it once the register is back
    registerDown = false;
    await row.getByRole('button', { name: /erneut versuchen/i }).click();

    // then the incident is resolved and the instance runs to its end
    await page.getByText('Die Störung ist behoben; die Engine versucht es erneut.').waitFor();
    await eventually(async () => ((await instanceState(page)) === 'COMPLETED' ? true : undefined));
    await expect(row.count()).resolves.toBe(0);

    // and the case page shows the completed instance
    await page.goto(`/admin/cases/${submitted.id}/show`);
    await page
      .getByTestId('bpmn-diagram')
      .locator('[data-element-id="done"].sp-completed')
      .waitFor();
    await e2e.screenshot(page, 'case-page-completed');
  });
});
