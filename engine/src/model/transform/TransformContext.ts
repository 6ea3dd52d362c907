import type { ExecutableFlowNode, ExecutableSequenceFlow } from '../types';
import { type ModdleElement, attr, bodyOf, extensions } from '../moddle/ModdleElement';
import type { ModelIndex } from '../moddle/ModelIndex';

/** What element transformers share while one process is transformed. */
export class TransformContext {
  readonly elements = new Map<string, ExecutableFlowNode>();
  readonly flows = new Map<string, ExecutableSequenceFlow>();
  /** Embedded forms (zeebe:userTaskForm in the process's extension elements) by id. */
  readonly userTaskForms = new Map<string, string>();

  constructor(
    readonly index: ModelIndex,
    readonly process: ModdleElement,
  ) {
    for (const form of extensions(process, 'zeebe:UserTaskForm')) {
      const id = attr(form, 'id');
      const body = bodyOf(form);
      if (id !== undefined && body !== undefined) this.userTaskForms.set(id, body);
    }
  }
}

/** Transforms one aspect of a flow node (Zeebe: one ModelElementTransformer per concern). */
export type ElementTransformer = (
  element: ModdleElement,
  node: ExecutableFlowNode,
  context: TransformContext,
) => void;
