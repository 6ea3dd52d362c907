/**
 * Collects validation errors per element (like Zeebe's ValidationResultCollector), keeping the
 * order in which elements first got an error so the formatted rejection groups them.
 */
import type { ModelError } from '../types';
import type { ModdleElement } from '../moddle/ModdleElement';
import { locate } from '../moddle/elementPath';

export class ErrorCollector {
  private readonly byElement = new Map<ModdleElement, string[]>();

  add(element: ModdleElement, message: string): void {
    const messages = this.byElement.get(element);
    if (messages === undefined) this.byElement.set(element, [message]);
    else if (!messages.includes(message)) messages.push(message);
  }

  get isEmpty(): boolean {
    return this.byElement.size === 0;
  }

  toModelErrors(): ModelError[] {
    const errors: ModelError[] = [];
    for (const [element, messages] of this.byElement) {
      const { elementId, path } = locate(element);
      for (const message of messages) {
        errors.push(path === elementId ? { elementId, message } : { elementId, message, path });
      }
    }
    return errors;
  }
}
