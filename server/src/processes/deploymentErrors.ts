/**
 * The engine's deployment rejection as a list the designer can show at the elements. Zeebe
 * (and our engine, `engine/src/model/format/formatRejection.ts`) answers INVALID_ARGUMENT with:
 *
 *   Expected to deploy new resources, but encountered the following errors:
 *   'order.bpmn': - Element: task
 *       - ERROR: Must have exactly one 'zeebe:taskDefinition' extension element
 *   - Element: flow > conditionExpression
 *       - ERROR: failed to parse expression 'a &': ...
 *   'order.form': Expected the form to have an id
 *
 * Each "'<resource>': " line starts a resource; "- Element: <path>" names the element (the id
 * before the first " > "); each "- ERROR:" (or "- WARNING:") line is one problem. A resource
 * line without "- Element:" is a problem of the whole resource (XML, form JSON). Zeebe's
 * gateway has no structured form of this text, so it is read here by hand.
 */
export interface DeploymentProblem {
  resource: string;
  /** The element the problem is at; null for a problem of the whole resource. */
  elementId: string | null;
  message: string;
}

export const DEPLOYMENT_REJECTED_PREFIX =
  'Expected to deploy new resources, but encountered the following errors:';

const RESOURCE_LINE = /^'([^']+)': ?(.*)$/;
const ELEMENT_LINE = /^- Element: (.*)$/;
const PROBLEM_LINE = /^\s+- (?:ERROR|WARNING): (.*)$/;
const OMITTED_LINE = /^and \d+ more errors and\/or warnings$/;

/** The problems of a rejection text; undefined when the text is not a deployment rejection. */
export function parseDeploymentRejection(text: string): DeploymentProblem[] | undefined {
  const start = text.indexOf(DEPLOYMENT_REJECTED_PREFIX);
  if (start < 0) return undefined;
  const problems: DeploymentProblem[] = [];
  let resource: string | undefined;
  let elementId: string | null = null;
  let resourceProblem: DeploymentProblem | undefined;

  const element = (path: string): string => path.split(' > ')[0]?.trim() ?? path;

  for (const line of text.slice(start + DEPLOYMENT_REJECTED_PREFIX.length).split('\n')) {
    if (line.trim() === '' || OMITTED_LINE.test(line.trim())) continue;
    const resourceMatch = RESOURCE_LINE.exec(line);
    if (resourceMatch) {
      resource = resourceMatch[1]!;
      elementId = null;
      resourceProblem = undefined;
      const rest = resourceMatch[2] ?? '';
      const elementMatch = ELEMENT_LINE.exec(rest);
      if (elementMatch) {
        elementId = element(elementMatch[1]!);
      } else {
        resourceProblem = { resource, elementId: null, message: rest.trim() };
        problems.push(resourceProblem);
      }
      continue;
    }
    if (resource === undefined) continue;
    const elementMatch = ELEMENT_LINE.exec(line);
    if (elementMatch) {
      elementId = element(elementMatch[1]!);
      resourceProblem = undefined;
      continue;
    }
    const problemMatch = PROBLEM_LINE.exec(line);
    if (problemMatch && elementId !== null) {
      problems.push({ resource, elementId, message: problemMatch[1]!.trim() });
    } else if (resourceProblem) {
      // a multi-line message of the whole resource (e.g. an XML parser's text)
      resourceProblem.message = `${resourceProblem.message}\n${line.trim()}`.trim();
    }
  }
  return problems;
}
