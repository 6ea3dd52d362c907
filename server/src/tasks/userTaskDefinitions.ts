/**
 * What the inbox must know about deployed models but cannot ask the engine (the gRPC API has
 * no queries): the names of user tasks per process version (`task_definitions`), and the form
 * schemas user tasks refer to (`task_forms`).
 *
 * Whoever deploys calls `recordDeployment` with the DeployResource response and the files it
 * sent (the service catalog at start, the designer when it deploys a version):
 *
 *   const response = await zeebe.deployResources(resources, tenantId);
 *   await recordDeployment(knex, response, service.resources);   // { name, content }[]
 *
 * A user task's form is referenced by its job header `io.camunda.zeebe:formKey`:
 * - a linked form (`zeebe:formDefinition formId="…"`): the key the engine gave the deployed
 *   `.form` — the deployment response maps it to the form id and version;
 * - an embedded form (`camunda-forms:bpmn:<id>`): a `zeebe:userTaskForm` of that process
 *   version, stored under `<engine tenant>/<process id>/<version>/camunda-forms:bpmn:<id>`.
 * Recording is idempotent (a repeated deployment answers the same keys).
 */
import type { Knex } from 'knex';
import type { FormSchema } from '../services/catalog.loader';
import { scanUserTasks } from './bpmnUserTasks';
import { EMBEDDED_FORM_PREFIX } from './userTaskJob';

export interface DeployedResource {
  name: string;
  content: Buffer | string;
}

/** The parts of a DeployResource response read here (the SDK's DeployResourceResponse). */
export interface DeploymentResponse {
  deployments: readonly unknown[];
}

interface ProcessMetadata {
  bpmnProcessId: string;
  version: number;
  resourceName: string;
  tenantId: string;
}

interface FormMetadata {
  formId: string;
  version: number;
  formKey: string;
  resourceName: string;
  tenantId: string;
}

export interface TaskForm {
  /** The form-js schema's id (`id` of the .form, or the userTaskForm id). */
  id: string;
  version: number | null;
  schema: FormSchema;
}

export async function recordDeployment(
  knex: Knex,
  response: DeploymentResponse,
  resources: readonly DeployedResource[],
): Promise<void> {
  const contentOf = (name: string) => {
    const resource = resources.find((r) => r.name === name);
    return resource === undefined ? undefined : String(resource.content);
  };
  const definitions: Record<string, unknown>[] = [];
  const forms: Record<string, unknown>[] = [];
  for (const deployment of response.deployments) {
    const form = (deployment as { form?: FormMetadata }).form;
    if (form) {
      const schema = parseSchema(contentOf(form.resourceName));
      if (schema) {
        forms.push({
          form_ref: form.formKey,
          form_id: form.formId,
          version: form.version,
          engine_tenant_id: form.tenantId,
          schema: JSON.stringify(schema),
        });
      }
      continue;
    }
    const process = (deployment as { process?: ProcessMetadata }).process;
    const xml = process && contentOf(process.resourceName);
    if (!process || xml === undefined) continue;
    const scan = scanUserTasks(xml);
    for (const task of scan.userTasks) {
      if (task.bpmnProcessId !== process.bpmnProcessId) continue;
      definitions.push({
        engine_tenant_id: process.tenantId,
        bpmn_process_id: process.bpmnProcessId,
        version: process.version,
        element_id: task.elementId,
        name: (task.name ?? task.elementId).slice(0, 255),
      });
    }
    for (const embedded of scan.embeddedForms) {
      if (embedded.bpmnProcessId !== process.bpmnProcessId) continue;
      const schema = parseSchema(embedded.body);
      if (!schema) continue;
      forms.push({
        form_ref: embeddedFormRef(
          process.tenantId,
          process.bpmnProcessId,
          process.version,
          `${EMBEDDED_FORM_PREFIX}${embedded.formId}`,
        ),
        form_id: schema.id ?? embedded.formId,
        version: null,
        engine_tenant_id: process.tenantId,
        schema: JSON.stringify(schema),
      });
    }
  }
  await knex.transaction(async (trx) => {
    if (definitions.length) {
      await trx('public.task_definitions')
        .insert(definitions)
        .onConflict(['engine_tenant_id', 'bpmn_process_id', 'version', 'element_id'])
        .merge(['name']);
    }
    if (forms.length) await trx('public.task_forms').insert(forms).onConflict('form_ref').ignore();
  });
}

/** The key under which a user task's form is kept (see the module comment). */
export function formRefOf(task: {
  engineTenantId: string;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  formKey: string | undefined;
}): string | undefined {
  if (!task.formKey) return undefined;
  if (!task.formKey.startsWith(EMBEDDED_FORM_PREFIX)) return task.formKey;
  return embeddedFormRef(
    task.engineTenantId,
    task.bpmnProcessId,
    task.processDefinitionVersion,
    task.formKey,
  );
}

function embeddedFormRef(
  engineTenantId: string,
  bpmnProcessId: string,
  version: number,
  formKey: string,
): string {
  return `${engineTenantId}/${bpmnProcessId}/${version}/${formKey}`;
}

/** The name of the user task element, or undefined when its deployment was not recorded. */
export async function userTaskName(
  db: Knex,
  task: {
    engineTenantId: string;
    bpmnProcessId: string;
    processDefinitionVersion: number;
    elementId: string;
  },
): Promise<string | undefined> {
  const row = (await db('public.task_definitions')
    .where({
      engine_tenant_id: task.engineTenantId,
      bpmn_process_id: task.bpmnProcessId,
      version: task.processDefinitionVersion,
      element_id: task.elementId,
    })
    .first('name')) as { name: string } | undefined;
  return row?.name;
}

/** The form kept under the reference, or undefined. */
export async function taskForm(db: Knex, formRef: string | null): Promise<TaskForm | undefined> {
  if (!formRef) return undefined;
  const row = (await db('public.task_forms')
    .where({ form_ref: formRef })
    .first('form_id', 'version', 'schema')) as
    { form_id: string; version: number | null; schema: FormSchema | string } | undefined;
  if (!row) return undefined;
  return {
    id: row.form_id,
    version: row.version,
    schema: typeof row.schema === 'string' ? (JSON.parse(row.schema) as FormSchema) : row.schema,
  };
}

export function parseSchema(content: string | undefined): FormSchema | undefined {
  if (content === undefined) return undefined;
  try {
    const json = JSON.parse(content) as unknown;
    if (json && typeof json === 'object' && Array.isArray((json as FormSchema).components)) {
      return json as FormSchema;
    }
  } catch {
    // not a form-js schema: the task shows no form
  }
  return undefined;
}

/** Keeps a form found elsewhere (the service catalog) under the task's reference. */
export async function rememberForm(
  db: Knex,
  formRef: string,
  form: { id: string; schema: FormSchema },
  engineTenantId: string,
): Promise<TaskForm> {
  await db('public.task_forms')
    .insert({
      form_ref: formRef,
      form_id: form.id.slice(0, 255),
      version: null,
      engine_tenant_id: engineTenantId,
      schema: JSON.stringify(form.schema),
    })
    .onConflict('form_ref')
    .ignore();
  return (await taskForm(db, formRef))!;
}

/**
 * Top-level variable names a form reads or writes: keys and paths of its fields, `valuesKey`
 * of option lists, and names in FEEL expressions (`=…`: conditions, labels) and text templates
 * (`{{applicant.firstName}}`). Over-approximate on purpose — only names the job actually has
 * are kept.
 */
export function formVariableNames(schema: FormSchema): Set<string> {
  const names = new Set<string>();
  const firstSegment = (binding: string) => binding.split('.')[0]!;
  const visitComponents = (components: FormSchema['components']) => {
    for (const component of components) {
      const binding = component.path ?? component.key;
      if (typeof binding === 'string' && binding) names.add(firstSegment(binding));
      if (typeof component.valuesKey === 'string' && component.valuesKey) {
        names.add(firstSegment(component.valuesKey));
      }
      // Fields of a group or list with a path live inside that path's variable.
      if (!component.path && Array.isArray(component.components))
        visitComponents(component.components);
    }
  };
  const visitExpressions = (value: unknown) => {
    if (typeof value === 'string') {
      const expressions = value.startsWith('=')
        ? [value.slice(1)]
        : [...value.matchAll(/\{\{([^}]*)\}\}/g)].map((match) => match[1] ?? '');
      for (const expression of expressions) {
        for (const match of expression.matchAll(/(?<![.\w])([A-Za-z_][A-Za-z0-9_]*)/g)) {
          names.add(match[1]!);
        }
      }
    } else if (Array.isArray(value)) {
      value.forEach(visitExpressions);
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(visitExpressions);
    }
  };
  visitComponents(schema.components);
  visitExpressions(schema.components);
  return names;
}
