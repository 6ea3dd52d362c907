/**
 * The browser tests' world: the real server (embedded engine over gRPC, fresh database, the
 * built admin-ui from admin-ui/dist) on a random port, staff seeded through the server's
 * services, and Debian's Chromium driven by playwright-core. Nothing is built or downloaded
 * here: `npm run build` comes first (CI does so), or the tests fail saying so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../../server/support/testServer';
import { seedE2eStaff, type E2eRole, type E2eUser } from './e2eStaff';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const ADMIN_UI_DIST = path.join(repositoryRoot, 'admin-ui/dist');
export const ARTIFACTS_DIR = path.join(repositoryRoot, 'tests/e2e/artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type UiLocale = 'de-CH' | 'en';

/** The page's localStorage, as far as the tests use it (tests/ compiles without the DOM lib). */
interface BrowserStorage {
  setItem(key: string, value: string): void;
}

export interface E2e {
  server: TestServer;
  baseUrl: string;
  browser: Browser;
  users: Record<E2eRole, E2eUser>;
  /** A page in a fresh browser context (own cookies and storage). */
  newPage(): Promise<Page>;
  /** Signs in through the login page in the given language (default German) and waits for the menu. */
  login(page: Page, user: E2eUser | E2eRole, options?: { locale?: UiLocale }): Promise<void>;
  /** A full-page screenshot as tests/e2e/artifacts/<name>.png; returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  stop(): Promise<void>;
}

export function assertAdminUiBuilt(): void {
  if (!fs.existsSync(path.join(ADMIN_UI_DIST, 'admin', 'index.html'))) {
    throw new Error(
      `The browser tests need the built admin-ui, but ${ADMIN_UI_DIST}/admin/index.html is missing. ` +
        'Run `npm run build` at the repository root first (CI runs it before `npm test`).',
    );
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests drive Debian's Chromium at ${CHROMIUM}, which is missing: ` +
        '`apt-get install chromium` (or set CHROMIUM_PATH).',
    );
  }
}

export async function startE2e(env: Record<string, string> = {}): Promise<E2e> {
  assertAdminUiBuilt();
  const server = await startTestServer({ ADMIN_UI_DIST, ...env });
  const contexts: BrowserContext[] = [];
  let browser: Browser | undefined;
  try {
    const users = await seedE2eStaff(server.knex);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const launched = browser;
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    return {
      server,
      baseUrl: server.baseUrl,
      browser: launched,
      users,
      async newPage() {
        const context = await launched.newContext({
          baseURL: server.baseUrl,
          locale: 'de-CH',
          viewport: { width: 1366, height: 900 },
        });
        // Fail fast with playwright's message rather than at vitest's test timeout.
        context.setDefaultTimeout(10_000);
        contexts.push(context);
        return context.newPage();
      },
      async login(page, who, options = {}) {
        const user = typeof who === 'string' ? users[who] : who;
        const locale = options.locale ?? 'de-CH';
        await page.goto('/admin/login');
        await page.evaluate((chosen) => {
          const { localStorage } = globalThis as unknown as { localStorage: BrowserStorage };
          localStorage.setItem('serviceportal.locale', chosen);
        }, locale);
        await page.reload();
        await page.locator('input[name="username"]').fill(user.username);
        await page.locator('input[name="password"]').fill(user.password);
        await page.locator('button[type="submit"]').click();
        await page.locator('.RaMenu-open, .RaMenu-closed').first().waitFor();
      },
      async screenshot(page, name) {
        const file = path.join(ARTIFACTS_DIR, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        return file;
      },
      async stop() {
        for (const context of contexts) await context.close().catch(() => undefined);
        await launched.close();
        await server.stop();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await server.stop();
    throw error;
  }
}
