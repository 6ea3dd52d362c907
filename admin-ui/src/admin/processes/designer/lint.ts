// The typings of the designer's untyped libraries travel with this file (tests compile it too).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./vendor.d.ts" />
/**
 * bpmnlint in the browser with bpmnlint-plugin-camunda-compat for Camunda 8.6: what the
 * Camunda Modeler checks before a deployment. The resolver answers from the static rule table
 * (`lintRules.ts`) and the plugin's configs.
 */
import Linter, { type LintReport } from 'bpmnlint/lib/linter';
import camundaCompat from 'bpmnlint-plugin-camunda-compat';
import { BPMNLINT_RULES, CAMUNDA_COMPAT_RULES } from './lintRules';

export const LINT_CONFIG = 'camunda-cloud-8-6';

export interface LintIssue {
  elementId: string;
  message: string;
  category: 'error' | 'warn' | 'info';
  rule: string;
}

const linter = new Linter({
  config: { extends: `plugin:camunda-compat/${LINT_CONFIG}` },
  resolver: {
    resolveRule: (pkg, ruleName) =>
      pkg === 'bpmnlint' ? BPMNLINT_RULES[ruleName] : CAMUNDA_COMPAT_RULES[ruleName],
    resolveConfig: (_pkg, configName) => camundaCompat.configs[configName],
  },
});

/** The issues of a model (bpmn-js `getDefinitions()`), errors first. */
export async function lintDefinitions(definitions: unknown): Promise<LintIssue[]> {
  const results = await linter.lint(definitions);
  const issues: LintIssue[] = [];
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports as LintReport[]) {
      if (report.category === 'rule-error' || !report.id) continue;
      issues.push({
        elementId: report.id,
        message: report.message,
        category: report.category,
        rule,
      });
    }
  }
  const order = { error: 0, warn: 1, info: 2 };
  return issues.sort((a, b) => order[a.category] - order[b.category]);
}
