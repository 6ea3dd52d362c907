/**
 * Shared checks over groups of event definitions (Zeebe's ModelUtil): no two boundary events,
 * event subprocess starts or process start events may wait for the same message, signal, link,
 * error code or escalation code.
 */
import {
  type ModdleElement,
  attr,
  child,
  children,
  eventDefinitions,
  is,
} from '../moddle/ModdleElement';

export function localType(element: ModdleElement): string {
  return element.$type.replace(/^.*:/, '');
}

export function definitionsOfType(
  definitions: readonly ModdleElement[],
  type: string,
): ModdleElement[] {
  return definitions.filter((definition) => definition.$type === type);
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
}

export function verifyNoDuplicatedEventDefinitions(
  definitions: readonly ModdleElement[],
  report: (message: string) => void,
): void {
  const messageNames = definitionsOfType(definitions, 'bpmn:MessageEventDefinition')
    .map((definition) => child(definition, 'messageRef'))
    .map((message) => (message === undefined ? undefined : attr(message, 'name')))
    .filter(nonEmpty);
  for (const name of duplicates(messageNames)) {
    report(`Multiple message event definitions with the same name '${name}' are not allowed.`);
  }
  const signalNames = definitionsOfType(definitions, 'bpmn:SignalEventDefinition')
    .map((definition) => child(definition, 'signalRef'))
    .map((signal) => (signal === undefined ? undefined : attr(signal, 'name')))
    .filter(nonEmpty);
  for (const name of duplicates(signalNames)) {
    report(`Multiple signal event definitions with the same name '${name}' are not allowed.`);
  }
  const linkNames = definitionsOfType(definitions, 'bpmn:LinkEventDefinition')
    .map((definition) => attr(definition, 'name'))
    .filter(nonEmpty);
  for (const name of duplicates(linkNames)) {
    report(
      `Multiple intermediate catch link event definitions with the same name '${name}' are not allowed.`,
    );
  }
}

export function verifyNoDuplicatedHandlers(
  definitions: readonly ModdleElement[],
  report: (message: string) => void,
): void {
  verifyHandlers(
    definitions,
    'bpmn:EscalationEventDefinition',
    'escalationRef',
    'escalationCode',
    'escalation',
    report,
  );
  verifyHandlers(
    definitions,
    'bpmn:ErrorEventDefinition',
    'errorRef',
    'errorCode',
    'error',
    report,
  );
}

function verifyHandlers(
  definitions: readonly ModdleElement[],
  type: string,
  refProperty: string,
  codeProperty: string,
  noun: 'error' | 'escalation',
  report: (message: string) => void,
): void {
  const refs = definitionsOfType(definitions, type).map((definition) =>
    child(definition, refProperty),
  );
  if (refs.length === 0) return;
  const catchAll =
    `The same scope can not contain more than one ${noun} catch event without ${noun} code. ` +
    `An ${noun} catch event without ${noun} code catches all ${noun}s.`;
  if (refs.filter((ref) => ref === undefined).length > 1) report(catchAll);
  const counts = new Map<string | undefined, number>();
  for (const ref of refs) {
    if (ref === undefined) continue;
    const code = attr(ref, codeProperty);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  for (const [code, count] of counts) {
    if (count <= 1) continue;
    report(
      code === undefined
        ? catchAll
        : `Multiple ${noun} catch events with the same ${noun} code '${code}' are not supported on the same scope.`,
    );
  }
}

const NON_INTERRUPTING_TYPES = new Set([
  'bpmn:MessageEventDefinition',
  'bpmn:TimerEventDefinition',
  'bpmn:SignalEventDefinition',
  'bpmn:EscalationEventDefinition',
]);

/** Zeebe's ModelUtil.verifyEventDefinition for boundary events and event subprocess starts. */
export function verifyInterruptingBehaviour(
  definition: ModdleElement,
  interrupting: boolean,
  report: (message: string) => void,
): void {
  if (!interrupting && !NON_INTERRUPTING_TYPES.has(definition.$type)) {
    report('Non-Interrupting event of this type is not allowed');
  }
  if (
    interrupting &&
    definition.$type === 'bpmn:TimerEventDefinition' &&
    child(definition, 'timeCycle') !== undefined
  ) {
    report('Interrupting timer event with time cycle is not allowed.');
  }
}

/** Start-event definitions of the event subprocesses directly inside `container`. */
export function eventSubProcessStartDefinitions(container: ModdleElement): ModdleElement[] {
  return children(container, 'flowElements')
    .filter(
      (element) => element.$type === 'bpmn:SubProcess' && element['triggeredByEvent'] === true,
    )
    .flatMap((subProcess) =>
      children(subProcess, 'flowElements').filter((e) => e.$type === 'bpmn:StartEvent'),
    )
    .flatMap(eventDefinitions);
}

/** Link checks of a scope (process or subprocess), as Zeebe's ModelUtil.verifyLinkIntermediateEvents. */
export function verifyLinkEvents(
  container: ModdleElement,
  report: (message: string) => void,
): void {
  const catches = linkCatchDefinitions(container);
  verifyNoDuplicatedEventDefinitions(catches, report);

  const catchNamesByScope = new Map<ModdleElement | undefined, Set<string>>();
  for (const definition of catches) {
    const name = attr(definition, 'name');
    if (!nonEmpty(name)) continue;
    const scope = definition.$parent?.$parent;
    const names = catchNamesByScope.get(scope) ?? new Set<string>();
    names.add(name);
    catchNamesByScope.set(scope, names);
  }
  const throwNames = new Set(
    children(container, 'flowElements')
      .filter((element) => element.$type === 'bpmn:IntermediateThrowEvent')
      .flatMap(eventDefinitions)
      .filter((definition) => definition.$type === 'bpmn:LinkEventDefinition')
      .map((definition) => attr(definition, 'name'))
      .filter(nonEmpty),
  );
  for (const name of throwNames) {
    if (!catchNamesByScope.get(container)?.has(name)) {
      report(`Can't find an catch link event for the throw link event with the name '${name}'.`);
    }
  }
}

function linkCatchDefinitions(container: ModdleElement): ModdleElement[] {
  const elements = children(container, 'flowElements');
  return [
    ...elements
      .filter((element) => element.$type === 'bpmn:IntermediateCatchEvent')
      .flatMap(eventDefinitions)
      .filter((definition) => definition.$type === 'bpmn:LinkEventDefinition'),
    ...elements.filter((element) => is(element, 'bpmn:SubProcess')).flatMap(linkCatchDefinitions),
  ];
}
