/**
 * Input and output mappings (Zeebe's BpmnVariableMappingBehavior). Input mappings create local
 * variables of the element instance; output mappings are evaluated in the element's scope and
 * propagated from its flow scope up. Without output mappings, the variables an event brought
 * (job completion, message, error) are propagated from the element instance up.
 */
import type { ExecutableFlowNode, Mapping } from '../../../model/types';
import type { EngineState } from '../../../state/EngineState';
import { RIGHT_VOID, right, type Either } from '../../Either';
import type { BpmnElementContext } from '../BpmnElementContext';
import type { ExpressionBehavior } from './ExpressionBehavior';
import type { VariableBehavior } from './VariableBehavior';

type Variables = Record<string, unknown>;

export class BpmnVariableMappingBehavior {
  constructor(
    private readonly state: EngineState,
    private readonly expressions: ExpressionBehavior,
    private readonly variables: VariableBehavior,
  ) {}

  applyInputMappings(context: BpmnElementContext, element: ExecutableFlowNode): Either<void> {
    if (element.inputMappings.length === 0) return RIGHT_VOID;
    const result = this.evaluateMappings(element.inputMappings, context.key);
    if (!result.ok) return result;
    this.variables.mergeLocalDocument(context.key, result.value, context.value);
    return RIGHT_VOID;
  }

  applyOutputMappings(context: BpmnElementContext, element: ExecutableFlowNode): Either<void> {
    const trigger = this.state.eventTriggers.get(context.key);
    const eventVariables = trigger?.variables ?? {};
    const hasEventVariables = Object.keys(eventVariables).length > 0;
    if (element.outputMappings.length > 0) {
      if (hasEventVariables) {
        this.variables.mergeLocalDocument(context.key, eventVariables, context.value);
      }
      const result = this.evaluateMappings(element.outputMappings, context.key);
      if (!result.ok) return result;
      this.variables.mergeDocument(this.outputScopeKey(context), result.value, context.value);
    } else if (hasEventVariables) {
      this.variables.mergeDocument(context.key, eventVariables, context.value);
    }
    return RIGHT_VOID;
  }

  /**
   * Where output mappings write (from there up): the flow scope — except for an inner instance
   * of a multi-instance body, which writes to its own scope so that its output element
   * variable (local) can be set (Zeebe's getVariableScopeKey).
   */
  private outputScopeKey(context: BpmnElementContext): string {
    const flowScope = this.state.elementInstances.get(context.value.flowScopeKey);
    return flowScope?.elementType === 'MULTI_INSTANCE_BODY'
      ? context.key
      : context.value.flowScopeKey;
  }

  /** Evaluates mappings in order; a later mapping sees the targets of the earlier ones. */
  private evaluateMappings(mappings: Mapping[], scopeKey: string): Either<Variables> {
    const visible = this.expressions.variablesAt(scopeKey);
    const result: Variables = {};
    for (const mapping of mappings) {
      const evaluated = this.expressions.evaluateAny(mapping.source, visible, 'IO_MAPPING_ERROR');
      if (!evaluated.ok) {
        return { ok: false, failure: { ...evaluated.failure, variableScopeKey: scopeKey } };
      }
      const [root, ...path] = mapping.target.split('.');
      if (root === undefined) continue;
      const value =
        path.length === 0 ? evaluated.value : withPath(visible[root], path, evaluated.value);
      result[root] = value;
      visible[root] = value;
    }
    return right(result);
  }
}

/** `base` (an object, or nothing) with `value` set at `path`, copied, not changed in place. */
function withPath(base: unknown, path: string[], value: unknown): Variables {
  const copy: Variables = isObject(base) ? { ...base } : {};
  const [head, ...rest] = path;
  if (head === undefined) return copy;
  copy[head] = rest.length === 0 ? value : withPath(copy[head], rest, value);
  return copy;
}

function isObject(value: unknown): value is Variables {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
