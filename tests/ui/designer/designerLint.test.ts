/**
 * The designer's bpmnlint setup (admin-ui/src/admin/processes/designer/lint.ts), run in Node
 * on a model read by bpmn-moddle with the zeebe extension, as bpmn-js holds it in the browser.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { LINT_CONFIG, lintDefinitions } from '../../../admin-ui/src/admin/processes/designer/lint';
import {
  BPMNLINT_RULES,
  CAMUNDA_COMPAT_RULES,
} from '../../../admin-ui/src/admin/processes/designer/lintRules';

const require = createRequire(import.meta.url);
const plugin = require('bpmnlint-plugin-camunda-compat') as {
  configs: Record<string, { rules: Record<string, unknown> }>;
};
const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json') as Record<string, unknown>;

async function definitionsOf(file: string): Promise<unknown> {
  const xml = fs.readFileSync(new URL(file, import.meta.url), 'utf8');
  return (await new BpmnModdle({ zeebe }).fromXML(xml, 'bpmn:Definitions')).rootElement;
}

describe('the designer’s lint', () => {
  it('has exactly the rules of camunda-compat’s Camunda 8.6 config', () => {
    const configured = Object.keys(plugin.configs[LINT_CONFIG]!.rules).sort();
    const bundled = [
      ...Object.keys(CAMUNDA_COMPAT_RULES),
      ...Object.keys(BPMNLINT_RULES).map((name) => `bpmnlint/${name}`),
    ].sort();
    expect(bundled).toEqual(configured);
  });

  it('finds a service task without a job type, at that element only', async () => {
    // given a model whose first service task has no zeebe:taskDefinition
    const definitions = await definitionsOf('./service-task-without-type.bpmn');
    // when
    const issues = await lintDefinitions(definitions);
    // then
    const errors = issues.filter((issue) => issue.category === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ elementId: 'notify', rule: 'camunda-compat/implementation' }),
    ]);
  });
});
