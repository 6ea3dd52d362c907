/**
 * The resident register (Einwohnerregister): is there exactly one person of this name and
 * birth date in the municipality? Found (one), ambiguous (several) and not found are values,
 * not exceptions; each lookup is audited (ids and the outcome only).
 *
 * Names match regardless of case, accents and the German umlaut spelling ("Mueller" finds
 * "Müller", "Zurcher" finds "Zürcher"), and a first name also matches the first of several
 * given names ("Sophie" finds "Sophie Marie"). The query reads the tenant's residents of that
 * birth date (indexed) and compares names in code: a handful of rows per date.
 */
import type { Knex } from 'knex';
import { z } from 'zod';
import { parseOrThrow } from '../audit/admin';
import type { AuditContext, AuditService } from '../audit/audit.service';

export interface LookupQuery {
  tenantId: string;
  lastName: string;
  firstName: string;
  /** YYYY-MM-DD. */
  birthDate: string;
}

export interface Resident {
  id: string;
  tenantId: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  movedInOn: string | null;
}

export type LookupResult =
  | { status: 'found'; resident: Resident }
  | { status: 'ambiguous'; count: number }
  | { status: 'not_found' };

interface ResidentRow {
  id: string;
  tenant_id: string;
  last_name: string;
  first_name: string;
  birth_date: string;
  street: string;
  house_number: string;
  postal_code: string;
  city: string;
  moved_in_on: string | null;
}

const name = z.string().trim().min(1, 'is required').max(100, 'at most 100 characters');

export const lookupQuerySchema = z.object({
  tenantId: z.string().min(1).max(64),
  lastName: name,
  firstName: name,
  birthDate: z.iso.date('must be a date YYYY-MM-DD'),
});

export class RegisterService {
  constructor(
    private readonly knex: Knex,
    private readonly audit: AuditService,
  ) {}

  /** ValidationError (400) on a malformed query. */
  async lookup(
    query: LookupQuery,
    context: AuditContext & { caseId?: string },
  ): Promise<LookupResult> {
    const q = parseOrThrow(lookupQuerySchema, query);
    const rows = (await this.knex('public.residents')
      .select(
        'id',
        'tenant_id',
        'last_name',
        'first_name',
        this.knex.raw(`to_char(birth_date, 'YYYY-MM-DD') as birth_date`),
        'street',
        'house_number',
        'postal_code',
        'city',
        this.knex.raw(`to_char(moved_in_on, 'YYYY-MM-DD') as moved_in_on`),
      )
      .where({ tenant_id: q.tenantId, birth_date: q.birthDate })
      .orderBy('id')) as ResidentRow[];
    const matches = rows.filter(
      (row) => sameName(row.last_name, q.lastName) && firstNameMatches(row.first_name, q.firstName),
    );
    const result: LookupResult =
      matches.length === 1
        ? { status: 'found', resident: toResident(matches[0]!) }
        : matches.length > 1
          ? { status: 'ambiguous', count: matches.length }
          : { status: 'not_found' };
    await this.audit.record({
      actor: context.actor,
      tenantId: q.tenantId,
      action: 'register.lookup',
      objectType: 'resident',
      objectId: result.status === 'found' ? result.resident.id : null,
      requestId: context.requestId,
      details: { outcome: result.status, caseId: context.caseId ?? null },
    });
    return result;
  }
}

/**
 * Two spellings of a name to compare: umlauts as ae/oe/ue ("Müller" → "mueller") and umlauts
 * without their dots ("Müller" → "muller"); lower case, other accents dropped, hyphens and
 * apostrophes as spaces.
 */
export function nameKeys(value: string): [string, string] {
  const base = value.normalize('NFC').toLowerCase().replace(/ß/g, 'ss');
  const plain = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[-'’.]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const umlautsAsE = base.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue');
  return [plain(umlautsAsE), plain(base)];
}

export function sameName(registered: string, given: string): boolean {
  const [a1, a2] = nameKeys(registered);
  const [b1, b2] = nameKeys(given);
  return a1 === b1 || a2 === b2;
}

/** The full first names, or the first of several given names. */
function firstNameMatches(registered: string, given: string): boolean {
  return sameName(registered, given) || sameName(registered.trim().split(/\s+/)[0] ?? '', given);
}

function toResident(row: ResidentRow): Resident {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    lastName: row.last_name,
    firstName: row.first_name,
    birthDate: row.birth_date,
    street: row.street,
    houseNumber: row.house_number,
    postalCode: row.postal_code,
    city: row.city,
    movedInOn: row.moved_in_on,
  };
}
