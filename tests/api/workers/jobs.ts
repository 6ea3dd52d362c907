/** Jobs as the Zeebe client hands them to a worker, for the handlers' tests. */
import type { WorkerJob } from '../../../server/src/workers/job';

let counter = 0;

export function jobOf(
  type: string,
  variables: Record<string, unknown>,
  overrides: Partial<WorkerJob> = {},
): WorkerJob {
  counter += 1;
  return {
    key: String(2251799813690000 + counter),
    type,
    processInstanceKey: '2251799813680001',
    bpmnProcessId: 'residence-certificate',
    elementId: type,
    retries: 3,
    tenantId: 'luzern',
    variables,
    customHeaders: {},
    ...overrides,
  };
}
