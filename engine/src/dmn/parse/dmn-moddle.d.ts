/**
 * Minimal typings for dmn-moddle (the package ships none). Only what engine/src/dmn uses.
 */
declare module 'dmn-moddle' {
  export interface FromXmlResult {
    rootElement: unknown;
    elementsById: Record<string, unknown>;
    references: unknown[];
    warnings: { message: string }[];
  }

  export class DmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<FromXmlResult>;
  }
}
