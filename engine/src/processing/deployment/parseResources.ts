/**
 * The parse stage of a deployment, run before the command is queued (parsing is async): each
 * resource becomes a parsed resource with its checksum, or the deployment gets Zeebe's error
 * text. Deciding about versions happens in DeploymentCreateProcessor.
 */
import { createHash } from 'node:crypto';
import { formatResourceErrors, transformBpmn } from '../../model';
import type { ExecutableProcess } from '../../model/types';

export type ParsedResource =
  | {
      type: 'bpmn';
      name: string;
      content: string;
      checksum: string;
      processes: ExecutableProcess[];
    }
  | { type: 'form'; name: string; content: string; checksum: string; formId: string };

export type ParsedDeployment =
  { ok: true; resources: ParsedResource[] } | { ok: false; message: string };

const ERRORS_PREFIX = 'Expected to deploy new resources, but encountered the following errors:';

export async function parseResources(
  resources: { name: string; content: Buffer }[],
): Promise<ParsedDeployment> {
  if (resources.length === 0) {
    return { ok: false, message: 'Expected to deploy at least one resource, but none given' };
  }
  const parsed: ParsedResource[] = [];
  const errors: string[] = [];
  for (const resource of resources) {
    const content = resource.content.toString('utf8');
    const checksum = createHash('md5').update(resource.content).digest('hex');
    const name = resource.name;
    if (/\.(bpmn|xml)$/i.test(name)) {
      const result = await transformBpmn(name, content);
      if (result.ok)
        parsed.push({ type: 'bpmn', name, content, checksum, processes: result.processes });
      else errors.push(formatResourceErrors(name, result.errors));
    } else if (/\.form$/i.test(name)) {
      const formId = readFormId(content);
      if (formId) parsed.push({ type: 'form', name, content, checksum, formId });
      else errors.push(`'${name}': Expected the form to have an id, but none was found`);
    } else if (/\.dmn$/i.test(name)) {
      errors.push(
        `'${name}': Expected to deploy a BPMN or form resource, but DMN is not supported by this engine yet`,
      );
    } else {
      errors.push(
        `'${name}': Expected to deploy a resource ending with .bpmn, .xml, .dmn or .form, but the resource name has another extension`,
      );
    }
  }
  const duplicate = findDuplicateProcessId(parsed);
  if (duplicate) errors.push(duplicate);
  if (errors.length > 0) return { ok: false, message: `${ERRORS_PREFIX}\n${errors.join('\n')}` };
  return { ok: true, resources: parsed };
}

function readFormId(content: string): string | undefined {
  try {
    const form = JSON.parse(content) as { id?: unknown };
    return typeof form.id === 'string' && form.id !== '' ? form.id : undefined;
  } catch {
    return undefined;
  }
}

function findDuplicateProcessId(resources: ParsedResource[]): string | undefined {
  const seen = new Map<string, string>();
  for (const resource of resources) {
    if (resource.type !== 'bpmn') continue;
    for (const process of resource.processes) {
      const first = seen.get(process.bpmnProcessId);
      if (first !== undefined) {
        return `Expected the process ids to be unique within a deployment but found a duplicated id '${process.bpmnProcessId}' in the resources '${first}' and '${resource.name}'.`;
      }
      seen.set(process.bpmnProcessId, resource.name);
    }
  }
  return undefined;
}
