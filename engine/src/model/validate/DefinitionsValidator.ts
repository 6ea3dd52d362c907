import type { ElementValidator } from './ValidationContext';

/** At least one process of the resource must be executable (Zeebe's DefinitionsValidator). */
export const DefinitionsValidator: ElementValidator = {
  type: 'bpmn:Definitions',
  validate(definitions, context) {
    if (context.index.executableProcesses.length === 0) {
      context.error(definitions, 'Must contain at least one executable process');
    }
  },
};
