/**
 * User task names and forms from the service catalog (WORKFLOWS_DIR), for tasks whose
 * deployment was not recorded (`recordDeployment`): the BPMN gives the element's name and the
 * id of its linked form (`zeebe:formDefinition formId`) or embedded form, and the service's
 * `.form` files give the schema by that id — the form id is what the catalog and the engine's
 * form key have in common. The catalog holds the current files, so an instance of an older
 * process version gets the current name and form (as Zeebe's linked forms do: the latest
 * version at activation).
 */
import type { FormSchema, LoadedService } from '../services/catalog.loader';
import { scanUserTasks, type BpmnUserTask, type BpmnUserTaskScan } from './bpmnUserTasks';
import { parseSchema } from './userTaskDefinitions';
import { EMBEDDED_FORM_PREFIX } from './userTaskJob';

export interface CatalogTaskDefinition {
  name: string | undefined;
  form: { id: string; schema: FormSchema } | undefined;
}

export type TaskDefinitionSource = (task: {
  bpmnProcessId: string;
  elementId: string;
  formKey: string | undefined;
}) => CatalogTaskDefinition | undefined;

interface ScannedService {
  scan: BpmnUserTaskScan;
  forms: Map<string, FormSchema>;
}

export function catalogTaskDefinitions(catalog: { all(): LoadedService[] }): TaskDefinitionSource {
  const scanned = new Map<string, ScannedService>();
  const scanOf = (service: LoadedService): ScannedService => {
    let entry = scanned.get(service.checksum);
    if (!entry) {
      const forms = new Map<string, FormSchema>();
      const scans = service.resources.map((resource) => {
        const text = resource.content.toString('utf8');
        if (resource.kind === 'form') {
          const schema = parseSchema(text);
          if (schema?.id) forms.set(schema.id, schema);
        }
        return resource.kind === 'process' ? scanUserTasks(text) : undefined;
      });
      entry = {
        scan: {
          userTasks: scans.flatMap((scan) => scan?.userTasks ?? []),
          embeddedForms: scans.flatMap((scan) => scan?.embeddedForms ?? []),
        },
        forms,
      };
      scanned.set(service.checksum, entry);
    }
    return entry;
  };

  return (task) => {
    for (const service of catalog.all()) {
      const scannedService = scanOf(service);
      const element = scannedService.scan.userTasks.find(
        (t) => t.bpmnProcessId === task.bpmnProcessId && t.elementId === task.elementId,
      );
      if (element) {
        return {
          name: element.name,
          form: task.formKey ? formOf(scannedService, element, task.formKey) : undefined,
        };
      }
    }
    return undefined;
  };
}

/** The form a user task names: an embedded form of its process, or a .form by its form id. */
function formOf(
  { scan, forms }: ScannedService,
  element: BpmnUserTask,
  formKey: string,
): CatalogTaskDefinition['form'] {
  if (formKey.startsWith(EMBEDDED_FORM_PREFIX)) {
    const id = formKey.slice(EMBEDDED_FORM_PREFIX.length);
    const embedded = scan.embeddedForms.find(
      (form) => form.bpmnProcessId === element.bpmnProcessId && form.formId === id,
    );
    const schema = parseSchema(embedded?.body);
    return schema ? { id: schema.id ?? id, schema } : undefined;
  }
  const schema = element.formId ? forms.get(element.formId) : undefined;
  return schema && element.formId ? { id: element.formId, schema } : undefined;
}
