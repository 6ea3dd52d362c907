/**
 * Helpers for the citizen portal's browser tests: adopting a shared service for a
 * municipality through the server's adoption service, filling the dog registration, and
 * running axe-core in the page.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';
import type { Page } from 'playwright-core';
import { AuditService } from '../../../server/src/audit/audit.service';
import { AdoptionService } from '../../../server/src/services/adoption.service';
import { CatalogService } from '../../../server/src/services/catalog.service';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WORKFLOWS = path.resolve(here, '../../../workflows');
export const INSURANCE_PDF = path.resolve(here, '../fixtures/portal/insurance-policy.pdf');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The municipality adopts the shared service as an administrator would (audited). */
export async function adoptService(knex: Knex, tenantId: string, serviceId: string): Promise<void> {
  const catalog = new CatalogService(knex, WORKFLOWS);
  catalog.load();
  const adoptions = new AdoptionService(knex, catalog, new AuditService(knex));
  const admin = (await knex('public.staff_users').first('id')) as { id: string };
  await adoptions.create({ userId: admin.id }, 'all', {
    tenantId,
    serviceId,
    enabled: true,
    feeCents: null,
    responsibleGroup: 'einwohnerkontrolle',
    contactEmail: `einwohnerkontrolle@${tenantId}.example.ch`,
    contactPhone: '+41 41 123 45 67',
    texts: {},
    parameters: {},
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's WCAG 2.1 A/AA rules in the page; only serious and critical findings returned. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol: the portal's CSP (script-src 'self') would block a
  // script tag, and rightly so.
  await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The form-js field whose label is `label`, a required one's with form-js's asterisk. */
export function field(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByLabel(new RegExp(`^${escaped}\\s*\\*?$`));
}

export interface DogApplication {
  email: string;
  dogName: string;
}

/** Fills the dog registration's start form (German labels) with an insurance proof. */
export async function fillDogRegistration(page: Page, answers: DogApplication): Promise<void> {
  await field(page, 'Vorname').fill('Anna');
  await field(page, 'Nachname').fill('Muster');
  await field(page, 'Strasse').fill('Dorfstrasse');
  await field(page, 'Hausnummer').fill('7');
  await field(page, 'PLZ').fill('6274');
  await field(page, 'Ort').fill('Eschenbach');
  await field(page, 'E-Mail').fill(answers.email);
  await field(page, 'Name des Hundes').fill(answers.dogName);
  await field(page, 'Rasse').fill('Labrador');
  await page.getByLabel('Hündin', { exact: true }).check();
  await field(page, 'Mikrochip-Nummer').fill('756098100123456');
  await page.locator('input[type="file"]').setInputFiles(INSURANCE_PDF);
  await page.getByLabel('Ich bestätige, dass meine Angaben vollständig und wahr sind.').check();
}
