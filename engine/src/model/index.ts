/**
 * BPMN → executable model, in Zeebe's stages: parse (bpmn-moddle + zeebe-bpmn-moddle), validate
 * (all errors of the resource, Zeebe 8.6 wording), transform (one ExecutableProcess per
 * executable bpmn:process). Processing reads only the result, never moddle objects.
 *
 *   parse/      XML → moddle objects; unreadable XML becomes one resource-level error
 *   validate/   one *Validator per concern, run over every element by validateModel
 *   transform/  one *Transformer per concern, run by ProcessTransformer
 *   format/     Zeebe's deployment rejection text
 */
import type { ModelError, TransformResult } from './types';
import { ModelIndex } from './moddle/ModelIndex';
import { parseBpmn } from './parse/parseBpmn';
import { transformProcess } from './transform/ProcessTransformer';
import { validateModel } from './validate/validateModel';

export type * from './types';
export {
  DEFAULT_VALIDATION_OUTPUT_MAX_SIZE,
  formatDeploymentRejection,
  formatResourceErrors,
  type ResourceErrors,
} from './format/formatRejection';
export { USER_TASK_JOB_TYPE } from './transform/JobWorkerTransformer';

/** Parses, validates and transforms one .bpmn resource. Never throws; problems are ModelErrors. */
export async function transformBpmn(resourceName: string, xml: string): Promise<TransformResult> {
  try {
    const parsed = await parseBpmn(xml);
    if (!parsed.ok) return { ok: false, errors: [parsed.error] };

    const index = new ModelIndex(parsed.definitions);
    const errors = validateModel(index);
    if (errors.length > 0) return { ok: false, errors };

    return {
      ok: true,
      processes: index.executableProcesses.map((process) => transformProcess(process, index)),
    };
  } catch (error) {
    // a bug, not a model problem; reported like Zeebe's DeploymentTransformer does for any RuntimeException
    return { ok: false, errors: [unexpected(resourceName, error)] };
  }
}

function unexpected(resourceName: string, error: unknown): ModelError {
  const message = error instanceof Error ? error.message : String(error);
  return {
    elementId: '',
    message: message || `Unexpected error while processing resource '${resourceName}'`,
    kind: 'resource',
  };
}
