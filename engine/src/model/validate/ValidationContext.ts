import type { ModdleElement } from '../moddle/ModdleElement';
import type { ModelIndex } from '../moddle/ModelIndex';
import { ErrorCollector } from './ErrorCollector';

/** What every validator gets: the model lookups and where to put errors. */
export class ValidationContext {
  readonly errors = new ErrorCollector();

  constructor(readonly index: ModelIndex) {}

  error(element: ModdleElement, message: string): void {
    this.errors.add(element, message);
  }

  errorAll(element: ModdleElement, messages: readonly string[]): void {
    for (const message of messages) this.errors.add(element, message);
  }
}

/** Validates every element that is an instance of `type` (a moddle type such as 'bpmn:StartEvent'). */
export interface ElementValidator {
  readonly type: string;
  validate(element: ModdleElement, context: ValidationContext): void;
}
