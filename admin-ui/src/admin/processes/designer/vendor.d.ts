/**
 * Typings for the designer's libraries that ship none: only what this folder uses.
 */
declare module 'bpmn-js-properties-panel' {
  type ModuleDeclaration = Record<string, unknown>;
  export const BpmnPropertiesPanelModule: ModuleDeclaration;
  export const BpmnPropertiesProviderModule: ModuleDeclaration;
  export const ZeebePropertiesProviderModule: ModuleDeclaration;
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  const module: Record<string, unknown>;
  export default module;
}

declare module 'bpmnlint/lib/linter' {
  export interface LintReport {
    id?: string;
    message: string;
    category: 'error' | 'warn' | 'info' | 'rule-error';
    path?: (string | number)[];
  }
  export interface LintResolver {
    resolveRule(pkg: string, ruleName: string): unknown;
    resolveConfig(pkg: string, configName: string): unknown;
  }
  export default class Linter {
    constructor(options: { config?: Record<string, unknown>; resolver: LintResolver });
    lint(definitions: unknown): Promise<Record<string, LintReport[]>>;
  }
}

declare module 'bpmnlint-plugin-camunda-compat' {
  const plugin: { configs: Record<string, { rules: Record<string, unknown> }> };
  export default plugin;
}

declare module 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/*' {
  const rule: (config: unknown) => unknown;
  export default rule;
}

declare module 'bpmnlint/rules/*' {
  const rule: (config: unknown) => unknown;
  export default rule;
}
