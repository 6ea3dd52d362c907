/**
 * The services of workflows/ read once per test file, with their BPMN read into process models
 * and their manifests parsed: the tables the workflow tests iterate over.
 */
import { readBpmn, type ProcessModel } from './bpmnModel';
import { importForm } from './formJs';
import { processVariables, shapeOfPaths } from './feelVariables';
import { mergeShapes, type Shape } from './processContracts';
import { serviceManifestSchema, type ServiceManifest } from './serviceManifest';
import { serviceFolders, type FormSchema, type ServiceFolder } from './workflowFiles';

export interface ServiceUnderTest extends ServiceFolder {
  /** The manifest, or undefined when it is invalid (the manifest tests say why). */
  parsedManifest: ServiceManifest | undefined;
  processes: ProcessUnderTest[];
  /** Form id → the data shape its fields write. */
  formShapes: Map<string, Shape>;
}

export interface ProcessUnderTest {
  service: string;
  file: string;
  processId: string;
  model: ProcessModel;
  /** Deployed for another tenant (manifest partnerProcesses), not for the adopting one. */
  partner: boolean;
}

export const services: ServiceUnderTest[] = await Promise.all(
  serviceFolders().map(async (folder) => {
    const parsed = serviceManifestSchema.safeParse(folder.manifest);
    const manifest = parsed.success ? parsed.data : undefined;
    const partnerFiles = new Set(manifest?.partnerProcesses?.flatMap((p) => p.resources) ?? []);
    const processes = (
      await Promise.all(
        folder.bpmn.map(async (file) =>
          (await readBpmn(file.content)).map((model) => ({
            service: folder.id,
            file: file.name,
            processId: model.processId,
            model,
            partner: partnerFiles.has(file.name),
          })),
        ),
      )
    ).flat();
    const formShapes = new Map<string, Shape>();
    for (const form of folder.forms) {
      const imported = await importForm(form.content).catch(() => undefined);
      if (imported)
        formShapes.set(String(form.content.id), shapeOfPaths(imported.valuePaths.keys()));
      imported?.destroy();
    }
    return { ...folder, parsedManifest: manifest, processes, formShapes };
  }),
);

export const processes: ProcessUnderTest[] = services.flatMap((service) => service.processes);

export const forms: { service: string; name: string; schema: FormSchema }[] = services.flatMap(
  (service) =>
    service.forms.map((form) => ({ service: service.id, name: form.name, schema: form.content })),
);

export function serviceOf(id: string): ServiceUnderTest {
  const service = services.find((candidate) => candidate.id === id);
  if (!service) throw new Error(`no service ${id}`);
  return service;
}

/** Every variable a process can read (see feelVariables.processVariables). */
export function variablesOf(process: ProcessUnderTest): Shape {
  const service = serviceOf(process.service);
  const shapeOf = (formId: string | undefined) =>
    formId ? (service.formShapes.get(formId) ?? {}) : {};
  return processVariables(
    process.model,
    {
      start: mergeShapes(...process.model.startFormIds.map(shapeOf)),
      userTasks: process.model.userTasks.map((task) => shapeOf(task.formId)),
    },
    Object.keys(service.parsedManifest?.parameters ?? {}),
    !process.partner,
  );
}
