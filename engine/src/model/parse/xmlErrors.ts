/**
 * Turns bpmn-moddle's read failures and warnings into the text Zeebe's XML reader produces.
 *
 * Zeebe parses with a schema-validating SAX parser that stops at the first problem; the
 * rejection then reads "'<resource>': <DomErrorHandler message>", e.g.
 * "Fatal Error: URI=null Line=1: Content is not allowed in prolog." (not well-formed) or
 * "Error: URI=null Line=7: cvc-id.2: There are multiple occurrences of ID value 'task'."
 * (schema violation). Line numbers are 1-based; moddle's are 0-based.
 */

const BPMN_PREFIX = 'bpmn:';

/** References the BPMN schema types as xsd:IDREF (checked by the parser, unlike QName refs). */
const IDREF_PROPERTIES = new Set([
  'bpmn:sourceRef',
  'bpmn:targetRef',
  'bpmn:default',
  'sourceRef',
  'targetRef',
  'default',
]);

interface ModdleProblem {
  line?: number;
  nested?: string;
  subject?: string;
}

function parseProblem(message: string): ModdleProblem {
  const match =
    /^unparsable content (.*?) ?detected\n\tline: (\d+)\n\tcolumn: \d+\n\tnested error: (.*)$/s.exec(
      message,
    );
  if (match === null) return {};
  return { subject: match[1], line: Number(match[2]) + 1, nested: match[3] };
}

function fatal(line: number, text: string): string {
  return `Fatal Error: URI=null Line=${line}: ${text}`;
}

function schemaError(line: number, text: string): string {
  return `Error: URI=null Line=${line}: ${text}`;
}

/** The message for an XML document moddle could not read at all. */
export function describeUnreadableXml(error: unknown, xml: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (xml.trim() === '') return fatal(1, 'Premature end of file.');

  if (message.startsWith('failed to parse document as')) {
    const root = /<\s*([A-Za-z_][\w.:-]*)/.exec(
      xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''),
    );
    return schemaError(
      1,
      `cvc-elt.1.a: Cannot find the declaration of element '${root?.[1] ?? ''}'.`,
    );
  }

  const problem = parseProblem(message);
  const line = problem.line ?? 1;
  switch (problem.nested) {
    case 'missing start tag':
      return fatal(line, 'Content is not allowed in prolog.');
    case 'unexpected end of file':
      return fatal(
        lineCount(xml),
        'XML document structures must start and end within the same entity.',
      );
    case 'closing tag mismatch': {
      const open = unclosedElementBeforeMismatch(xml);
      return fatal(
        line,
        open === undefined
          ? `The end-tag ${problem.subject ?? ''} does not match its start-tag.`
          : `The element type "${open}" must be terminated by the matching end-tag "</${open}>".`,
      );
    }
    default:
      return fatal(line, problem.nested ?? message);
  }
}

/**
 * The first warning moddle reported that Zeebe's schema-validating parser rejects, or undefined.
 * Unknown elements or attributes of other namespaces (zeebe:, modeler:, …) are allowed, as the
 * BPMN schema admits them laxly.
 */
export function firstSchemaViolation(
  warnings: ReadonlyArray<{ message: string; property?: string; element?: unknown }>,
  xml: string,
): { message: string; elementId: string } | undefined {
  for (const warning of warnings) {
    const message = describeWarning(warning, xml);
    if (message !== undefined) return { message, elementId: quotedId(message) };
  }
  return undefined;
}

/** The id a schema message is about (duplicate or dangling id), if any. */
function quotedId(message: string): string {
  return /cvc-id\.[12]: .*'(.*)'\.$/.exec(message)?.[1] ?? '';
}

function describeWarning(
  warning: { message: string; property?: string; element?: unknown },
  xml: string,
): string | undefined {
  const problem = parseProblem(warning.message);
  if (problem.nested !== undefined) {
    const line = problem.line ?? 1;
    const duplicate = /^duplicate ID <(.*)>$/.exec(problem.nested);
    if (duplicate !== null) {
      return schemaError(
        line,
        `cvc-id.2: There are multiple occurrences of ID value '${duplicate[1]}'.`,
      );
    }
    const unknownType = /^unknown type <(.*)>$/.exec(problem.nested);
    if (unknownType !== null) {
      if (!unknownType[1]?.startsWith(BPMN_PREFIX)) return undefined;
      return schemaError(line, invalidContent(problem.subject));
    }
    if (problem.nested.startsWith('unrecognized element')) {
      if (isAfterRootElement(xml, line)) {
        return fatal(
          line,
          'The markup in the document following the root element must be well-formed.',
        );
      }
      return schemaError(line, invalidContent(problem.subject));
    }
    return fatal(line, problem.nested);
  }

  const unknownAttribute = /^unknown attribute <(.*)>$/.exec(warning.message);
  if (unknownAttribute !== null) {
    const name = unknownAttribute[1] ?? '';
    const element = warning.element as { $type?: string; id?: unknown } | undefined;
    if (name.includes(':') || !element?.$type?.startsWith(BPMN_PREFIX)) return undefined;
    const elementName = `bpmn:${lowerFirst(element.$type.slice(BPMN_PREFIX.length))}`;
    const id = typeof element.id === 'string' ? element.id : undefined;
    return schemaError(
      lineOfId(xml, id),
      `cvc-complex-type.3.2.2: Attribute '${name}' is not allowed to appear in element '${elementName}'.`,
    );
  }

  const unresolved = /^unresolved reference <(.*)>$/.exec(warning.message);
  if (
    unresolved !== null &&
    warning.property !== undefined &&
    IDREF_PROPERTIES.has(warning.property)
  ) {
    return schemaError(
      lineCount(xml),
      `cvc-id.1: There is no ID/IDREF binding for IDREF '${unresolved[1]}'.`,
    );
  }
  return undefined;
}

function invalidContent(subject: string | undefined): string {
  const tag = /^<\/?([^\s/>]+)/.exec(subject ?? '')?.[1] ?? '';
  return `cvc-complex-type.2.4.a: Invalid content was found starting with element '${tag}'.`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function lineCount(xml: string): number {
  return xml.replace(/\s+$/, '').split('\n').length;
}

function lineOfId(xml: string, id: string | undefined): number {
  if (id === undefined) return 1;
  const index = xml.search(
    new RegExp(`\\sid\\s*=\\s*["']${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`),
  );
  return index < 0 ? 1 : xml.slice(0, index).split('\n').length;
}

function isAfterRootElement(xml: string, line: number): boolean {
  const closing = xml.search(/<\/(?:[\w.-]+:)?definitions\s*>/);
  return (
    closing >= 0 &&
    xml.slice(0, closing).split('\n').length <= line &&
    xml.slice(closing).includes('<', 2)
  );
}

/** Scans the tags to find the open element whose end-tag is missing (first mismatch). */
function unclosedElementBeforeMismatch(xml: string): string | undefined {
  const stack: string[] = [];
  const tags =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][\s\S]*?>|<(\/?)([^\s/>]+)[^>]*?(\/?)>/g;
  for (const match of xml.matchAll(tags)) {
    const [, closing, name, selfClosing] = match;
    if (name === undefined) continue;
    if (closing === '/') {
      const open = stack.pop();
      if (open !== name) return open;
    } else if (selfClosing !== '/') {
      stack.push(name);
    }
  }
  return undefined;
}
