/**
 * bpmnlint as the Camunda Modeler runs it for a Camunda 8.6 diagram: the rules of
 * `bpmnlint-plugin-camunda-compat` (config camunda-cloud-8-6) plus `bpmnlint:recommended`,
 * resolved by bpmnlint's NodeResolver, on the moddle tree the engine parses (bpmn-moddle with
 * the zeebe: extension). Rules switched off or raised are listed in RULE_CHANGES, each with why.
 */
import { createRequire } from 'node:module';
import { parseBpmn } from '../../engine/src/model/parse/parseBpmn';

const require = createRequire(import.meta.url);

/** What bpmnlint reports for one rule violation. */
export interface LintReport {
  rule: string;
  id: string | undefined;
  message: string;
  category: string;
}

interface BpmnlintLinter {
  lint(
    definitions: unknown,
  ): Promise<Record<string, { id?: string; message: string; category: string }[]>>;
}
interface BpmnlintModule {
  Linter: new (options: { config: object; resolver: object }) => BpmnlintLinter;
}
type NodeResolverClass = new (options?: { require?: NodeRequire }) => object;

const { Linter } = require('bpmnlint') as BpmnlintModule;
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as NodeResolverClass;

/**
 * Changes to the two configurations, with the reason; everything else runs as configured.
 * 'warn' rules count as failures in the test: a diagram here has no reports at all.
 */
export const RULE_CHANGES = {
  // Our engine runs user tasks as job workers (engine/README.md) and rejects <zeebe:userTask/>,
  // which this 8.6 rule asks for on every user task.
  'camunda-compat/zeebe-user-task': 'off',
  // Every shape has the Modeler's standard size, so the DI reads well when opened.
  'bpmnlint/standard-size': 'error',
} as const;

export const LINT_CONFIG = {
  extends: ['bpmnlint:recommended', 'plugin:camunda-compat/camunda-cloud-8-6'],
  rules: RULE_CHANGES,
};

/** All reports (errors, warnings, infos) for one .bpmn document; a parse failure is a report too. */
export async function lintBpmn(xml: string): Promise<LintReport[]> {
  const parsed = await parseBpmn(xml);
  if (!parsed.ok)
    return [
      {
        rule: 'parse',
        id: parsed.error.elementId,
        message: parsed.error.message,
        category: 'error',
      },
    ];
  // a fresh linter per document: some rules (no-duplicate-sequence-flows) keep state across runs
  const linter = new Linter({ config: LINT_CONFIG, resolver: new NodeResolver({ require }) });
  const results = await linter.lint(parsed.definitions);
  return Object.entries(results).flatMap(([rule, reports]) =>
    reports.map((report) => ({
      rule,
      id: report.id,
      message: report.message,
      category: report.category,
    })),
  );
}
