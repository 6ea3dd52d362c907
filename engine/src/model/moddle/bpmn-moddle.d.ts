/**
 * Minimal typings for bpmn-moddle (the package ships types only under 'bpmn-moddle/types',
 * not for its main entry). Only what engine/src/model uses.
 */
declare module 'bpmn-moddle' {
  export interface FromXmlResult {
    rootElement: unknown;
    elementsById: Record<string, unknown>;
    references: unknown[];
    warnings: FromXmlWarning[];
  }

  export interface FromXmlWarning {
    message: string;
    element?: unknown;
    property?: string;
    value?: unknown;
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<FromXmlResult>;
  }
}
