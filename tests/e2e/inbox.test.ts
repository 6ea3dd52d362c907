/**
 * The clerk's day in a real Chromium: a submitted case's review task is in the inbox of the
 * Einwohnerkontrolle; the clerk (German UI) finds it by the applicant's name, claims it, fills
 * and completes its form, and the case reaches its milestone. Then, with 10,000 open tasks,
 * how long the inbox's first page takes to render (printed, not asserted).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../../server/src/audit/audit.service';
import { DocumentService } from '../../server/src/documents/document.service';
import { png, tinyPdf } from '../api/documents/fixtures';
import { sdkClient, waitFor } from '../engine/harness';
import { startCase, WORKFLOWS_DIR, type InboxWorld } from '../api/tasks/support';
import { startE2e, type E2e } from './support/e2e';

let e2e: E2e;
let zeebe: InboxWorld['zeebe'];

beforeAll(async () => {
  e2e = await startE2e({ WORKFLOWS_DIR });
  zeebe = sdkClient(e2e.server.engineAddress);
  // The server deploys the test catalog in the background at start.
  await waitFor(
    async () =>
      (await e2e.server.knex('public.service_deployments').select('service_id')).length >= 2
        ? true
        : undefined,
    { timeoutMs: 20_000 },
  );
}, 120_000);

afterAll(async () => {
  await zeebe?.close();
  await e2e?.stop();
});

const world = () => ({ server: e2e.server, zeebe }) as unknown as InboxWorld;

/** The page shows data loaded once: reload until `shown` holds (the process runs on). */
async function reloadUntil(page: Page, shown: () => Promise<boolean>): Promise<void> {
  await waitFor(
    async () => {
      if (await shown()) return true;
      await page.reload();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      return (await shown()) || undefined;
    },
    { timeoutMs: 20_000, intervalMs: 500 },
  );
}

describe('the inbox', () => {
  it('lets a clerk find, claim and complete a case’s task; the case reaches its milestone', async () => {
    // given a submitted case of Luzern whose review task is open
    const given = await startCase(world(), {
      serviceId: 'task-review',
      applicantName: 'Lea Keller',
      variables: { dueAt: '2031-03-31T10:00:00Z' },
    });
    const task = await waitFor(
      async () =>
        (await e2e.server.knex('public.tasks').where({ case_id: given.id }).first()) as
          { id: string } | undefined,
      { timeoutMs: 15_000 },
    );

    // when the clerk signs in (German) and searches her groups' tasks for the applicant
    const page = await e2e.newPage();
    await e2e.login(page, 'clerk');
    // (the clerk starts in Eschenbach: Luzern's tasks are shown for every tenant she works in)
    await page.getByRole('menuitem', { name: 'Pendenzen' }).click();
    await page.getByRole('tab', { name: 'Meiner Gruppen' }).waitFor();
    await page.getByPlaceholder('Suchen').fill('Keller');
    const row = page.getByRole('row').filter({ hasText: given.reference });
    await row.waitFor();
    expect(await row.innerText()).toContain('Lea Keller');
    await e2e.screenshot(page, 'inbox');

    // and opens the task and claims it
    await row.getByText(given.reference).click();
    await page.waitForURL(`**/admin/tasks/${task.id}/show`);

    // then the process diagram shows the review task as the current element
    await page.locator('.djs-element.current-element[data-element-id="review"]').waitFor();
    const current = page.locator('.djs-element.current-element');
    expect(await current.count()).toBe(1);
    expect(await current.getAttribute('data-element-id')).toBe('review');
    // and the case summary shows the case's status in German
    await page.getByText(/^(Eingereicht|In Bearbeitung)$/).waitFor();
    expect(await page.getByText(/^(submitted|in_progress)$/).count()).toBe(0);

    await page.getByRole('button', { name: 'Übernehmen' }).click();
    await page.getByText('Diese Aufgabe ist Ihnen zugewiesen.').waitFor();

    // and fills the form and completes it
    await page.getByLabel('Bewilligen').check();
    await page.getByLabel('Bemerkung').fill('Alles in Ordnung');
    await e2e.screenshot(page, 'task');
    await page.getByRole('button', { name: 'Abschliessen' }).click();
    await page.getByText('Die Aufgabe ist abgeschlossen.').waitFor();

    // then the task is completed with her data
    const done = await waitFor(
      async () =>
        (await e2e.server
          .knex('public.tasks')
          .where({ id: task.id, status: 'completed' })
          .first()) as { assignee: string } | undefined,
      { timeoutMs: 15_000 },
    );
    expect(done.assignee).toBe(e2e.users.clerk.username);

    // and the case page shows the new public milestone as reached, and the task as done
    await page.goto(`/admin/cases/${given.id}/show`);
    const milestones = page.getByTestId('case-milestones');
    const reviewed = milestones.getByRole('listitem').filter({ hasText: /^Geprüft/ });
    await reloadUntil(page, () => reviewed.getByText(/^Erreicht am /).isVisible());
    expect(await milestones.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^Wird geprüft\s+Erreicht am /),
      expect.stringMatching(/^Geprüft\s+Erreicht am /),
    ]);
    const tasks = page.getByRole('table', { name: 'Aufgaben' });
    expect(await tasks.getByRole('row').filter({ hasText: 'Antrag prüfen' }).innerText()).toContain(
      'Erledigt',
    );
    await e2e.screenshot(page, 'case');
  });

  it('shows a request to the citizen with its state, and previews and downloads documents', async () => {
    // given a case whose process asks the applicant for a proof, with a PDF and a photo
    const given = await startCase(world(), {
      serviceId: 'citizen-proof',
      applicantName: 'Max Frei',
    });
    await waitFor(
      async () =>
        (await e2e.server.knex('public.tasks').where({ case_id: given.id }).first()) as
          object | undefined,
      { timeoutMs: 15_000 },
    );
    const documents = new DocumentService(e2e.server.knex, new AuditService(e2e.server.knex), {
      maxDocumentsPerCase: 20,
      maxBytesPerCase: 10_000_000,
    });
    const system = { actor: { type: 'system' as const, id: 'e2e' }, requestId: 'e2e' };
    for (const [content, originalName] of [
      [await tinyPdf('Mietvertrag'), 'Mietvertrag.pdf'],
      [png, 'Foto.png'],
    ] as const) {
      await documents.store(
        { tenantId: 'luzern', caseId: given.id, kind: 'upload', content, originalName },
        system,
      );
    }

    // when the clerk opens the case page
    const page = await e2e.newPage();
    await e2e.login(page, 'clerk');
    await page.goto(`/admin/cases/${given.id}/show`);

    // then the request to the applicant is listed as open, and the case waits for the citizen
    const request = page.getByTestId('case-requests').getByRole('listitem');
    await request.filter({ hasText: 'Nachweis hochladen' }).waitFor();
    expect(await request.innerText()).toContain('Offen – wartet auf Antwort');
    await page.getByText('Wartet auf Antwort', { exact: true }).waitFor();

    // and the photo previews inline as an image the browser could decode
    await page.getByRole('button', { name: 'Vorschau von Foto.png' }).click();
    const image = page.getByRole('img', { name: 'Vorschau von Foto.png' });
    await image.waitFor();
    await waitFor(
      async () =>
        (await image.evaluate((img: { naturalWidth: number }) => img.naturalWidth)) > 0
          ? true
          : undefined,
      { timeoutMs: 10_000 },
    );

    // and the PDF previews in a frame loading the inline variant
    await page.getByRole('button', { name: 'Vorschau von Mietvertrag.pdf' }).click();
    const frame = page.locator('iframe[title="Vorschau von Mietvertrag.pdf"]');
    const src = await frame.getAttribute('src');
    expect(src).toMatch(/\/api\/cases\/[^/]+\/documents\/[^/?]+\?disposition=inline$/);
    const inline = await page.request.get(src!);
    expect(inline.status()).toBe(200);
    expect(inline.headers()['content-type']).toBe('application/pdf');
    expect(inline.headers()['content-disposition']).toMatch(/^inline;/);
    await e2e.screenshot(page, 'case-documents');

    // and the download link downloads the PDF as an attachment
    const download = page.getByRole('link', { name: 'Mietvertrag.pdf herunterladen' });
    const attachment = await page.request.get((await download.getAttribute('href'))!);
    expect(attachment.headers()['content-disposition']).toMatch(/^attachment;/);
    expect((await attachment.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('lets a clerk rename, share and delete a saved view', async () => {
    // given the clerk saved a view of her inbox
    const page = await e2e.newPage();
    await e2e.login(page, 'clerk');
    await page.goto('/admin/tasks');
    await page.getByRole('button', { name: 'Ansicht speichern' }).click();
    await page.getByLabel('Name der Ansicht').fill('Meine Sicht');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Ansicht gespeichert.').waitFor();

    // when she renames it and shares it with her group
    await page.getByRole('button', { name: 'Ansichten verwalten' }).click();
    await page.getByRole('button', { name: 'Meine Sicht bearbeiten' }).click();
    await page.getByLabel('Name der Ansicht').fill('Einwohner, fällig');
    await page.getByLabel('Teilen mit').click();
    await page.getByRole('option', { name: 'einwohnerkontrolle' }).click();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Ansicht geändert.').waitFor();

    // then the list shows it renamed and shared, and so does the server
    const manage = page.getByRole('dialog', { name: 'Ansichten verwalten' });
    const item = manage.getByRole('listitem').filter({ hasText: 'Einwohner, fällig' });
    await item.getByText('geteilt mit einwohnerkontrolle').waitFor();
    const stored = (await e2e.server
      .knex('public.task_views')
      .select('name', 'shared_with_group')) as { name: string; shared_with_group: string }[];
    expect(stored).toEqual([
      { name: 'Einwohner, fällig', shared_with_group: 'einwohnerkontrolle' },
    ]);

    // when she deletes it
    await manage.getByRole('button', { name: 'Einwohner, fällig löschen' }).click();
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    await page.getByText('Ansicht gelöscht.').waitFor();

    // then it is gone
    await manage.getByText('Sie haben noch keine eigenen Ansichten.').waitFor();
    expect(
      Number(
        ((await e2e.server.knex('public.task_views').count({ n: '*' })) as { n: unknown }[])[0]!.n,
      ),
    ).toBe(0);
  });

  it('renders the first page of 10,000 open tasks (time printed, not asserted)', async () => {
    // given 10,000 open tasks of the Einwohnerkontrolle of Luzern
    await e2e.server.knex.raw(
      `with inserted as (
         insert into public.tasks (id, job_key, tenant_id, audience, status, case_reference,
           applicant_name, service_id, bpmn_process_id, process_definition_version,
           process_instance_key, element_id, element_instance_key, name, candidate_groups,
           due_at, job_deadline)
         select gen_random_uuid(), 'bench-' || n, 'luzern', 'staff', 'open',
           'LU-2026-' || lpad(n::text, 6, '0'), 'Person ' || n, 'task-review', 'task-review', 1,
           '0', 'review', '0', 'Antrag prüfen', '{einwohnerkontrolle}',
           now() + (n || ' minutes')::interval, now() + interval '7 days'
         from generate_series(1, 10000) n
         returning id, tenant_id, due_sort, created_at)
       insert into public.task_candidates (task_id, tenant_id, candidate, assignee, due_sort, created_at)
       select id, tenant_id, 'group:einwohnerkontrolle', null, due_sort, created_at from inserted`,
    );
    const page = await e2e.newPage();
    await e2e.login(page, 'clerk');

    // when the clerk opens the inbox
    const started = Date.now();
    await page.goto('/admin/tasks');
    await page.getByRole('row').filter({ hasText: 'LU-2026-000001' }).waitFor();
    const elapsed = Date.now() - started;

    // then the first page is there; the time is printed for the 2.5 s target
    console.log(`inbox first page with 10,000 open tasks rendered in ${elapsed} ms`);
    expect(await page.getByRole('row').count()).toBeGreaterThan(25);
  });
});
