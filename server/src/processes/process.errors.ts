/**
 * The error classes of the process library. Like those in `http/errors.ts`, `problem.ts` maps
 * them to problem+json; each has one meaning.
 */
import { ConflictError, HttpError, type FieldError } from '../http/errors';
import type { DeploymentProblem } from './deploymentErrors';

/** A problem+json `errors` entry of a rejected deployment: where, and the engine's text. */
export type DeploymentErrorEntry = FieldError & DeploymentProblem;

/**
 * The engine rejected the deployment (INVALID_ARGUMENT): 422 with one entry per problem,
 * `{ field: "<resource>#<element id>", resource, elementId, message }` (the engine's wording).
 */
export class DeploymentRejectedError extends HttpError {
  readonly status = 422;
  readonly titleKey = 'problem.deployment_rejected';
  override readonly detailKey = 'problem.deployment_rejected.detail' as const;
  override readonly errors: DeploymentErrorEntry[];
  constructor(problems: readonly DeploymentProblem[]) {
    super(`deployment rejected: ${problems.length} problem(s)`);
    this.errors = problems.map((problem) => ({
      field: problem.elementId ? `${problem.resource}#${problem.elementId}` : problem.resource,
      ...problem,
    }));
  }
}

/** The draft was saved since the revision the request names. */
export class DraftConflictError extends ConflictError {
  override readonly detailKey = 'problem.draft_conflict.detail' as const;
}

/** Another version was deployed after the draft was started; deploy again with overwrite. */
export class ProcessVersionOutdatedError extends ConflictError {
  override readonly detailKey = 'problem.process_version_outdated.detail' as const;
}
