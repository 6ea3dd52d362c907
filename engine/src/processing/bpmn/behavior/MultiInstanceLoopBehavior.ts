/**
 * The loop characteristics of a multi-instance body at run time (Zeebe's MultiInstanceBodyProcessor
 * helpers and MultiInstanceOutputCollectionBehavior): reads the input collection, sets the loop
 * variables of an inner instance, keeps the output collection, evaluates the completion
 * condition. Failures are values with Zeebe's texts.
 */
import { evaluateArray } from '../../../feel';
import type { ExecutableFlowNode, MultiInstanceDefinition } from '../../../model/types';
import { RIGHT_VOID, left, right, type Either } from '../../Either';
import type { BpmnElementContext } from '../BpmnElementContext';
import type { BpmnBehaviors } from './BpmnBehaviors';

const LOOP_COUNTER = 'loopCounter';

export class MultiInstanceLoopBehavior {
  constructor(private readonly b: BpmnBehaviors) {}

  /** The input collection, evaluated in `scopeKey`; it must be an array. */
  readInputCollection(body: ExecutableFlowNode, scopeKey: string): Either<unknown[]> {
    const result = evaluateArray(
      loopOf(body).inputCollection,
      this.b.expressions.variablesAt(scopeKey),
    );
    return result.ok ? right(result.value) : left(result.message, 'EXTRACT_VALUE_ERROR', scopeKey);
  }

  /**
   * An inner instance is activating: its input element, its output element variable (null,
   * so that what the instance writes stays local) and its loop counter, as local variables.
   */
  setLoopVariables(body: ExecutableFlowNode, child: BpmnElementContext): Either<void> {
    const loop = loopOf(body);
    const loopCounter = this.loopCounterOf(child.key);
    const collection = this.readInputCollection(body, child.key);
    if (!collection.ok) return collection;
    const index = loopCounter - 1;
    if (index >= collection.value.length) {
      return left(
        `Expected to read item at index ${index} of the multiInstanceBody input collection but it contains only ${collection.value.length} elements. The input collection might be modified while iterating over it.`,
        'EXTRACT_VALUE_ERROR',
      );
    }
    const variables = this.b.variables;
    if (loop.inputElement !== undefined) {
      variables.setLocal(child.key, loop.inputElement, collection.value[index], child.value);
    }
    const output = outputVariableName(loop.outputElement);
    if (output !== undefined && output !== loop.inputElement && output !== LOOP_COUNTER) {
      variables.setLocal(child.key, output, null, child.value);
    }
    variables.setLocal(child.key, LOOP_COUNTER, loopCounter, child.value);
    return RIGHT_VOID;
  }

  /** The output collection starts as a local variable of the body: null for each input item. */
  initializeOutputCollection(body: ExecutableFlowNode, context: BpmnElementContext, size: number) {
    const name = loopOf(body).outputCollection;
    if (name === undefined) return;
    this.b.variables.setLocal(context.key, name, new Array<null>(size).fill(null), context.value);
  }

  /** An inner instance is completing: its output element goes to its place in the collection. */
  updateOutputCollection(
    body: ExecutableFlowNode,
    bodyContext: BpmnElementContext,
    child: BpmnElementContext,
  ): Either<void> {
    const loop = loopOf(body);
    const name = loop.outputCollection;
    if (name === undefined) return RIGHT_VOID;
    const element =
      loop.outputElement === undefined
        ? right<unknown>(null)
        : this.b.expressions.evaluateAny(loop.outputElement, child.key);
    if (!element.ok) return element;
    const current = this.b.state.variables.getLocal(bodyContext.key, name);
    if (!current) {
      return left(
        `Expected the output collection variable '${name}' to be of type list, but it was NIL`,
        'EXTRACT_VALUE_ERROR',
        bodyContext.key,
      );
    }
    if (!Array.isArray(current.value)) {
      return left(
        `Unable to update an item in output collection '${name}' because the type of the output collection is: ${msgPackType(current.value)}. This may happen when multiple BPMN elements write to the same variable.`,
        'EXTRACT_VALUE_ERROR',
        bodyContext.key,
      );
    }
    const position = this.loopCounterOf(child.key);
    if (position > current.value.length) {
      return left(
        `Unable to update an item in output collection '${name}' at position ${position} because the size of the collection is: ${current.value.length}. This may happen when multiple BPMN elements write to the same variable.`,
        'EXTRACT_VALUE_ERROR',
        bodyContext.key,
      );
    }
    const updated = [...(current.value as unknown[])];
    updated[position - 1] = element.value;
    this.b.variables.setLocal(bodyContext.key, name, updated, bodyContext.value);
    return RIGHT_VOID;
  }

  /**
   * Whether the completion condition holds, evaluated in the completing inner instance while
   * it still counts as active; numberOf…Instances shadow variables of the same name.
   */
  satisfiesCompletionCondition(
    body: ExecutableFlowNode,
    bodyContext: BpmnElementContext,
    child: BpmnElementContext,
  ): Either<boolean> {
    const condition = loopOf(body).completionCondition;
    if (condition === undefined) return right(false);
    const instance = this.b.state.elementInstances.get(bodyContext.key);
    const runtime = instance?.runtime;
    const variables = {
      ...this.b.expressions.variablesAt(child.key),
      numberOfInstances: runtime?.numberOfInstances ?? 0,
      numberOfActiveInstances: this.b.state.elementInstances.childCount(bodyContext.key) - 1,
      numberOfCompletedInstances: (runtime?.numberOfCompletedInstances ?? 0) + 1,
      numberOfTerminatedInstances: runtime?.numberOfTerminatedInstances ?? 0,
    };
    const result = this.b.expressions.evaluateBoolean(condition, variables);
    return result.ok ? result : left(result.failure.message, result.failure.errorType, child.key);
  }

  /** Completed and terminated inner instances together cover the input collection. */
  allInstancesEnded(bodyKey: string, collectionSize: number): boolean {
    const runtime = this.b.state.elementInstances.get(bodyKey)?.runtime;
    const ended =
      (runtime?.numberOfCompletedInstances ?? 0) + (runtime?.numberOfTerminatedInstances ?? 0);
    return ended === collectionSize;
  }

  loopCounterOf(elementInstanceKey: string): number {
    return this.b.state.elementInstances.get(elementInstanceKey)?.runtime.loopCounter ?? 0;
  }
}

function loopOf(body: ExecutableFlowNode): MultiInstanceDefinition {
  const loop = body.multiInstance;
  if (!loop) throw new Error(`Element '${body.id}' is not a multi-instance activity`);
  return loop;
}

/**
 * The variable an output element expression reads when it is just a variable or a nested
 * property of one (`= result`, `= result.total`): it is created locally on each instance.
 */
function outputVariableName(outputElement: string | undefined): string | undefined {
  if (outputElement === undefined) return undefined;
  const text = outputElement.trim();
  if (!text.startsWith('=')) return undefined;
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(\s*\.\s*[A-Za-z_][A-Za-z0-9_]*)*$/.exec(
    text.slice(1).trim(),
  );
  return match?.[1];
}

/** The type of a value as Zeebe names it in messages (MessagePack). */
function msgPackType(value: unknown): string {
  if (value === null || value === undefined) return 'NIL';
  if (typeof value === 'string') return 'STRING';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return Number.isInteger(value) ? 'INTEGER' : 'FLOAT';
  return 'MAP';
}
