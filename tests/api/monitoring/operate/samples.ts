/**
 * Operate v1 responses as the server receives them: JSON beside this file, shaped after the
 * Operate 8.6 API reference (Search process instances / flownode-instances / variables /
 * incidents, Get process instance by key), parsed by @camunda8/sdk exactly as its
 * OperateApiClient does (declared int64 fields as strings, lossless `sortValues`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Operate } from '@camunda8/sdk';
import { losslessParse } from '@camunda8/sdk/dist/lib';
import { parseSearchResults } from '@camunda8/sdk/dist/operate/lib/parseSearchResults';
import type {
  OperateFlowNodeInstance,
  OperateIncident,
  OperateProcessInstance,
  OperateResults,
  OperateVariable,
} from '../../../../server/src/monitoring/operateMapping';

const here = path.dirname(fileURLToPath(import.meta.url));

export function sampleText(name: string): string {
  return fs.readFileSync(path.join(here, `${name}.json`), 'utf8');
}

const { OperateDto } = Operate;

function parsed<T>(name: string, dto: new (...args: never[]) => unknown): OperateResults<T> {
  return parseSearchResults(sampleText(name), dto as never) as unknown as OperateResults<T>;
}

export const samples = {
  processInstances: () =>
    parsed<OperateProcessInstance>('process-instances.search', OperateDto.ProcessInstance),
  processInstance: () =>
    losslessParse(
      sampleText('process-instance'),
      OperateDto.ProcessInstance,
    ) as unknown as OperateProcessInstance,
  flowNodeInstances: () =>
    parsed<OperateFlowNodeInstance>('flownode-instances.search', OperateDto.FlownodeInstance),
  variables: () => parsed<OperateVariable>('variables.search', OperateDto.Variable),
  incidents: () => parsed<OperateIncident>('incidents.search', OperateDto.Incident),
};

/** The same response as plain JSON.parse gives it (keys as numbers). */
export function raw<T>(name: string): OperateResults<T> {
  return JSON.parse(sampleText(name)) as OperateResults<T>;
}
