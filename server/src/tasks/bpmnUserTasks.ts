/**
 * The user tasks of a BPMN file, as the inbox needs them: per process, each user task's id and
 * name, and the embedded forms (`zeebe:userTaskForm`). A job carries only the element id, and
 * the gRPC API cannot read a model back, so these are taken from the file when it is deployed.
 *
 * A scan of the XML, not a full parse: BPMN files are written by modelers and deployed only
 * after the engine accepted them, so tags are well-formed; names and form bodies are decoded
 * from XML entities and CDATA.
 */
export interface BpmnUserTask {
  bpmnProcessId: string;
  elementId: string;
  name: string | undefined;
  /** `zeebe:formDefinition formId` (a linked form). */
  formId: string | undefined;
  /** `zeebe:formDefinition formKey` (e.g. `camunda-forms:bpmn:<userTaskForm id>`). */
  formKey: string | undefined;
}

export interface BpmnEmbeddedForm {
  bpmnProcessId: string;
  /** The `zeebe:userTaskForm` id: the user task's formKey is `camunda-forms:bpmn:<id>`. */
  formId: string;
  body: string;
}

export interface BpmnUserTaskScan {
  userTasks: BpmnUserTask[];
  embeddedForms: BpmnEmbeddedForm[];
}

const PROCESS = /<([\w.-]+:)?process\b([^>]*?)(\/?)>/g;
const USER_TASK = /<([\w.-]+:)?userTask\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1?userTask>)/g;
const FORM_DEFINITION = /<(?:[\w.-]+:)?formDefinition\b([^>]*?)\/?>/;
const USER_TASK_FORM =
  /<(?:[\w.-]+:)?userTaskForm\b([^>]*?)>([\s\S]*?)<\/(?:[\w.-]+:)?userTaskForm>/g;
const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function scanUserTasks(xml: string): BpmnUserTaskScan {
  const userTasks: BpmnUserTask[] = [];
  const embeddedForms: BpmnEmbeddedForm[] = [];
  for (const process of processBodies(xml)) {
    for (const match of process.body.matchAll(USER_TASK)) {
      const attributes = attributesOf(match[2] ?? '');
      if (!attributes.id) continue;
      const formDefinition = FORM_DEFINITION.exec(match[3] ?? '');
      const form = formDefinition ? attributesOf(formDefinition[1] ?? '') : {};
      userTasks.push({
        bpmnProcessId: process.id,
        elementId: attributes.id,
        name: attributes.name?.trim() || undefined,
        formId: form.formId || undefined,
        formKey: form.formKey || undefined,
      });
    }
    for (const match of process.body.matchAll(USER_TASK_FORM)) {
      const attributes = attributesOf(match[1] ?? '');
      if (!attributes.id) continue;
      embeddedForms.push({
        bpmnProcessId: process.id,
        formId: attributes.id,
        body: textContent(match[2] ?? ''),
      });
    }
  }
  return { userTasks, embeddedForms };
}

function processBodies(xml: string): { id: string; body: string }[] {
  const found: { id: string; body: string }[] = [];
  for (const match of xml.matchAll(PROCESS)) {
    const id = attributesOf(match[2] ?? '').id;
    if (!id || match[3] === '/') continue;
    const prefix = match[1] ?? '';
    const start = (match.index ?? 0) + match[0].length;
    const end = xml.indexOf(`</${prefix}process>`, start);
    found.push({ id, body: xml.slice(start, end < 0 ? undefined : end) });
  }
  return found;
}

function attributesOf(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(ATTRIBUTE)) {
    attributes[match[1]!] = decodeEntities(match[2] ?? match[3] ?? '');
  }
  return attributes;
}

function textContent(text: string): string {
  return text
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeEntities(part)))
    .join('')
    .trim();
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) {
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    }
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}
