import { type ModdleElement, attr, bodyOf, hasOwnAttr } from '../moddle/ModdleElement';
import type { ElementValidator } from './ValidationContext';

/** Required attributes of zeebe: extension elements (Zeebe's ZeebeElementValidator). */
function requiresAttributes(type: string, ...attributes: string[]): ElementValidator {
  return {
    type,
    validate(element, context) {
      for (const name of attributes) {
        if (isEmpty(element, name))
          context.error(element, `Attribute '${name}' must be present and not empty`);
      }
    },
  };
}

function isEmpty(element: ModdleElement, name: string): boolean {
  const value = attr(element, name);
  return value === undefined || value === '';
}

/** retries defaults to '3' when absent, but must not be written empty. */
const TaskDefinitionValidator: ElementValidator = {
  type: 'zeebe:TaskDefinition',
  validate(definition, context) {
    if (isEmpty(definition, 'type'))
      context.error(definition, "Attribute 'type' must be present and not empty");
    if (hasOwnAttr(definition, 'retries') && isEmpty(definition, 'retries')) {
      context.error(definition, "Attribute 'retries' must be present and not empty");
    }
  },
};

const LoopCharacteristicsValidator: ElementValidator = {
  type: 'zeebe:LoopCharacteristics',
  validate(loop, context) {
    if (isEmpty(loop, 'inputCollection')) {
      context.error(loop, "Attribute 'inputCollection' must be present and not empty");
    }
    const outputCollection = !isEmpty(loop, 'outputCollection');
    const outputElement = !isEmpty(loop, 'outputElement');
    if (outputCollection && !outputElement) {
      context.error(
        loop,
        "Attribute 'outputElement' must be present if the attribute 'outputCollection' is set",
      );
    } else if (outputElement && !outputCollection) {
      context.error(
        loop,
        "Attribute 'outputCollection' must be present if the attribute 'outputElement' is set",
      );
    }
  },
};

const FormDefinitionValidator: ElementValidator = {
  type: 'zeebe:FormDefinition',
  validate(form, context) {
    const blank = (name: string) => (attr(form, name) ?? '').trim() === '';
    if (blank('formKey') === blank('formId')) {
      context.error(
        form,
        "Exactly one of the attributes 'formId, formKey' must be present and not blank",
      );
    }
    if (!blank('formKey') && hasOwnAttr(form, 'bindingType')) {
      context.error(
        form,
        "Attribute 'formKey' must not be used in combination with attribute 'bindingType'",
      );
    }
  },
};

const UserTaskFormValidator: ElementValidator = {
  type: 'zeebe:UserTaskForm',
  validate(form, context) {
    const body = bodyOf(form);
    if (body === undefined || body === '') {
      context.error(form, 'User task form text content has to be present and not empty');
    }
  },
};

const ExecutionListenerValidator: ElementValidator = {
  type: 'zeebe:ExecutionListener',
  validate(listener, context) {
    for (const name of ['eventType', 'type']) {
      if (isEmpty(listener, name))
        context.error(listener, `Attribute '${name}' must be present and not empty`);
    }
    if (hasOwnAttr(listener, 'retries') && isEmpty(listener, 'retries')) {
      context.error(listener, "Attribute 'retries' must be present and not empty");
    }
  },
};

/** bindingType and versionTag (Zeebe's ZeebeBindingTypeValidator). */
function bindingType(type: string): ElementValidator {
  return {
    type,
    validate(element, context) {
      const binding = attr(element, 'bindingType');
      const versionTag = (attr(element, 'versionTag') ?? '').trim();
      if (hasOwnAttr(element, 'bindingType') && !BINDING_TYPES.includes(binding ?? '')) {
        context.error(
          element,
          `Attribute 'bindingType' must be one of: ${BINDING_TYPES.join(', ')}`,
        );
      }
      if (binding === 'versionTag' && versionTag === '') {
        context.error(
          element,
          "Attribute 'versionTag' must be present and not empty if 'bindingType' is 'versionTag'",
        );
      } else if (binding !== 'versionTag' && versionTag !== '') {
        context.error(
          element,
          "Attribute 'versionTag' may only be used if 'bindingType' is 'versionTag'",
        );
      }
    },
  };
}

const BINDING_TYPES = ['deployment', 'latest', 'versionTag'];

export const ZeebeAttributesValidators: ElementValidator[] = [
  TaskDefinitionValidator,
  requiresAttributes('zeebe:CalledElement', 'processId'),
  requiresAttributes('zeebe:CalledDecision', 'decisionId', 'resultVariable'),
  requiresAttributes('zeebe:Script', 'expression', 'resultVariable'),
  requiresAttributes('zeebe:Subscription', 'correlationKey'),
  LoopCharacteristicsValidator,
  FormDefinitionValidator,
  bindingType('zeebe:CalledElement'),
  bindingType('zeebe:FormDefinition'),
  UserTaskFormValidator,
  ExecutionListenerValidator,
];
