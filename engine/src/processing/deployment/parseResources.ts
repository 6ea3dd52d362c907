/**
 * The parse stage of a deployment, run before the command is queued (parsing is async): each
 * resource becomes a parsed resource with its checksum, or the deployment gets Zeebe's error
 * text. Deciding about versions happens in DeploymentCreateProcessor.
 *
 * Like Zeebe 8.6's DeploymentTransformer: the transformer is chosen by the end of the resource
 * name (.bpmn and .xml → BPMN, .dmn → DMN, .form → form, case-sensitive); every resource is
 * checked, in order, also against the ids of the resources before it; each failure is appended
 * as "\n<failure>" to "Expected to deploy new resources, but encountered the following errors:".
 */
import { createHash } from 'node:crypto';
import { transformDmn, type ParsedDrg } from '../../dmn';
import { formatResourceErrors, transformBpmn } from '../../model';
import type { ExecutableProcess } from '../../model/types';
import { parseForm } from './parseForm';

interface ResourceBase {
  name: string;
  content: string;
  /** MD5 of the bytes, hex, as Zeebe's checksum. */
  checksum: string;
}

export type ParsedResource =
  | (ResourceBase & { type: 'bpmn'; processes: ExecutableProcess[] })
  | (ResourceBase & { type: 'dmn'; drg: ParsedDrg })
  | (ResourceBase & { type: 'form'; formId: string; versionTag: string });

export type ParsedDeployment =
  { ok: true; resources: ParsedResource[] } | { ok: false; message: string };

const ERRORS_PREFIX = 'Expected to deploy new resources, but encountered the following errors:';

type Parsed = { ok: true; resource: ParsedResource } | { ok: false; failure: string };

export async function parseResources(
  resources: { name: string; content: Buffer }[],
): Promise<ParsedDeployment> {
  if (resources.length === 0) {
    return { ok: false, message: 'Expected to deploy at least one resource, but none given' };
  }
  const parsed: ParsedResource[] = [];
  let errors = '';
  for (const resource of resources) {
    const result = await parseResource(resource);
    const failure = result.ok ? duplicateId(result.resource, parsed) : result.failure;
    if (failure === undefined && result.ok) parsed.push(result.resource);
    else errors += `\n${failure}`;
  }
  if (errors !== '') return { ok: false, message: `${ERRORS_PREFIX}${errors}` };
  return { ok: true, resources: parsed };
}

async function parseResource(resource: { name: string; content: Buffer }): Promise<Parsed> {
  const name = resource.name;
  const content = resource.content.toString('utf8');
  const base: ResourceBase = {
    name,
    content,
    checksum: createHash('md5').update(resource.content).digest('hex'),
  };
  if (name.endsWith('.bpmn') || name.endsWith('.xml')) {
    const result = await transformBpmn(name, content);
    if (!result.ok) return { ok: false, failure: formatResourceErrors(name, result.errors) };
    return { ok: true, resource: { ...base, type: 'bpmn', processes: result.processes } };
  }
  if (name.endsWith('.dmn')) {
    const result = await transformDmn(content);
    if (!result.ok) return { ok: false, failure: `'${name}': ${result.failure}` };
    return { ok: true, resource: { ...base, type: 'dmn', drg: result.drg } };
  }
  if (name.endsWith('.form')) {
    const result = parseForm(name, content);
    if (!result.ok) return result;
    const { formId, versionTag } = result;
    return { ok: true, resource: { ...base, type: 'form', formId, versionTag } };
  }
  // Zeebe's UnknownResourceTransformer starts its text with a line break of its own
  return { ok: false, failure: `\n'${name}': unknown resource type` };
}

/** The first id the resource shares with a resource before it in the deployment (Zeebe's texts). */
function duplicateId(resource: ParsedResource, before: ParsedResource[]): string | undefined {
  const unique = (kind: string, id: string, first: string) =>
    `Expected the ${kind} ids to be unique within a deployment but found a duplicated id '${id}' in the resources '${first}' and '${resource.name}'.`;
  const firstWith = (has: (other: ParsedResource) => boolean) => before.find(has)?.name;

  switch (resource.type) {
    case 'bpmn':
      for (const process of resource.processes) {
        const first = firstWith(
          (other) =>
            other.type === 'bpmn' &&
            other.processes.some((p) => p.bpmnProcessId === process.bpmnProcessId),
        );
        if (first !== undefined) return unique('process', process.bpmnProcessId, first);
      }
      return undefined;
    case 'dmn': {
      const drgId = resource.drg.id;
      const first = firstWith((other) => other.type === 'dmn' && other.drg.id === drgId);
      if (first !== undefined) return unique('decision requirements', drgId, first);
      for (const decision of resource.drg.decisions) {
        const firstDecision = firstWith(
          (other) => other.type === 'dmn' && other.drg.decisions.some((d) => d.id === decision.id),
        );
        if (firstDecision !== undefined) return unique('decision', decision.id, firstDecision);
      }
      return undefined;
    }
    case 'form': {
      const formId = resource.formId;
      const first = firstWith((other) => other.type === 'form' && other.formId === formId);
      return first === undefined ? undefined : unique('form', formId, first);
    }
  }
}
