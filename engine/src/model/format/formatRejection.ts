/**
 * The deployment rejection text exactly as Zeebe writes it (DeploymentTransformer,
 * BpmnResourceTransformer, ValidationErrorFormatter, ModelValidationResultsImpl):
 *
 *   Expected to deploy new resources, but encountered the following errors:
 *   'order.bpmn': - Element: task
 *       - ERROR: Must have exactly one 'zeebe:taskDefinition' extension element
 *   - Element: flow > conditionExpression
 *       - ERROR: failed to parse expression 'a &': ...
 *
 * Every result line ends with '\n'. A resource-level problem (XML) is "'<name>': <message>".
 * Like Zeebe (engine config validatorsResultsOutputMaxSize, 12 KiB), the validation part is cut
 * at `maxSize` bytes, ending with "and <n> more errors and/or warnings".
 */
import type { ModelError } from '../types';

export const DEFAULT_VALIDATION_OUTPUT_MAX_SIZE = 12 * 1024;

export interface ResourceErrors {
  resourceName: string;
  errors: readonly ModelError[];
}

/** The whole rejection reason for a deployment whose resources failed. */
export function formatDeploymentRejection(
  resources: readonly ResourceErrors[],
  maxSize = DEFAULT_VALIDATION_OUTPUT_MAX_SIZE,
): string {
  const parts = resources
    .filter((resource) => resource.errors.length > 0)
    .map(
      (resource) => `\n${formatResourceErrors(resource.resourceName, resource.errors, maxSize)}`,
    );
  return `Expected to deploy new resources, but encountered the following errors:${parts.join('')}`;
}

/** One resource's part: "'<name>': " followed by its validation results (or its XML problem). */
export function formatResourceErrors(
  resourceName: string,
  errors: readonly ModelError[],
  maxSize = DEFAULT_VALIDATION_OUTPUT_MAX_SIZE,
): string {
  const resourceProblem = errors.find((error) => error.kind === 'resource');
  if (resourceProblem !== undefined) return `'${resourceName}': ${resourceProblem.message}`;
  return `'${resourceName}': ${formatValidationResults(errors, maxSize)}`;
}

/** The grouped "- Element: …\n    - ERROR: …\n" lines (ModelValidationResultsImpl.write). */
export function formatValidationResults(
  errors: readonly ModelError[],
  maxSize = DEFAULT_VALIDATION_OUTPUT_MAX_SIZE,
): string {
  const groups = new Map<string, string[]>();
  for (const error of errors) {
    const identifier = error.path ?? error.elementId;
    const messages = groups.get(identifier) ?? [];
    messages.push(error.message);
    groups.set(identifier, messages);
  }

  const total = errors.length;
  let output = '';
  let printed = 0;
  let previousLength = 0;
  for (const [identifier, messages] of groups) {
    output += `- Element: ${identifier}\n`;
    for (const message of messages) {
      output += `    - ERROR: ${message}\n`;
      const isLast = printed === total - 1;
      const size = byteLength(output);
      const fits =
        (isLast && size <= maxSize) || size + byteLength(omitted(total - printed)) <= maxSize;
      if (!fits) return output.slice(0, previousLength) + omitted(total - printed);
      printed += 1;
      previousLength = output.length;
    }
  }
  return output;
}

function omitted(count: number): string {
  return `and ${count} more errors and/or warnings`;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
