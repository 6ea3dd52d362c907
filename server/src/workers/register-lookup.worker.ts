/**
 * Job type `register-lookup`: looks the applicant up in the municipality's resident register.
 * Variables: lastName, firstName, birthDate (YYYY-MM-DD), caseId?.
 *   - exactly one resident: completes with { resident: { id, street, houseNumber, postalCode,
 *     city, movedInOn } };
 *   - nobody / several: BPMN errors RESIDENT_NOT_FOUND / RESIDENT_AMBIGUOUS (modelled
 *     outcomes: the diagram routes them, e.g. to a clerk);
 *   - the register unreachable (database down): fail with retries − 1.
 */
import { z } from 'zod';
import type { RegisterService } from '../register/register.service';
import {
  bpmnError,
  complete,
  idempotencyKeyOf,
  incident,
  outcomeOfError,
  parseVariables,
  systemActor,
  tenantOf,
  type JobHandler,
} from './job';

export const REGISTER_LOOKUP = 'register-lookup';
export const RESIDENT_NOT_FOUND = 'RESIDENT_NOT_FOUND';
export const RESIDENT_AMBIGUOUS = 'RESIDENT_AMBIGUOUS';

const variablesSchema = z.object({
  lastName: z.string(),
  firstName: z.string(),
  birthDate: z.string(),
  caseId: z.string().min(1).optional(),
});

export interface RegisterLookupDeps {
  register: RegisterService;
}

export const registerLookup: JobHandler<RegisterLookupDeps> = async (job, deps) => {
  const parsed = parseVariables(variablesSchema, job);
  if (!parsed.ok) return parsed.outcome;
  const tenantId = tenantOf(job);
  if (!tenantId) return incident(`${REGISTER_LOOKUP}: the job has no tenant (tenantId)`);
  const { caseId, ...person } = parsed.value;
  try {
    const result = await deps.register.lookup(
      { tenantId, ...person },
      {
        actor: systemActor(REGISTER_LOOKUP),
        requestId: idempotencyKeyOf(job),
        ...(caseId ? { caseId } : {}),
      },
    );
    switch (result.status) {
      case 'found': {
        const r = result.resident;
        return complete({
          resident: {
            id: r.id,
            street: r.street,
            houseNumber: r.houseNumber,
            postalCode: r.postalCode,
            city: r.city,
            movedInOn: r.movedInOn,
          },
        });
      }
      case 'ambiguous':
        return bpmnError(RESIDENT_AMBIGUOUS, `${result.count} residents of ${tenantId} match`);
      case 'not_found':
        return bpmnError(RESIDENT_NOT_FOUND, `no resident of ${tenantId} matches`);
    }
  } catch (error) {
    return outcomeOfError(job, error);
  }
};
