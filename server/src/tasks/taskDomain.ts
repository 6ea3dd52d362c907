/**
 * Wires the task inbox (built by `services.ts`; the worker and the lease sweep are started by
 * `workers/startWorkers.ts`). Building it touches neither the database nor the engine. It
 * plugs into the case read model: the staff case page lists the case's tasks, the citizen's
 * tracking page its open requests.
 */
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { AuditService } from '../audit/audit.service';
import type { CaseService } from '../cases/case.service';
import type { CaseInstanceGuard } from '../cases/caseInstanceGuard';
import type { LoadedService } from '../services/catalog.loader';
import { catalogTaskDefinitions } from './catalogTaskDefinitions';
import { CitizenRequestService } from './citizenRequest.service';
import { TaskService } from './task.service';
import type { TaskEngine } from './taskCompletion';
import { TaskStore } from './taskStore';
import type { UserTaskWorkerDeps } from './userTask.worker';
import { TaskViewService } from '../views/taskView.service';

export interface TaskDomainDeps {
  knex: Knex;
  audit: AuditService;
  engine: () => TaskEngine | undefined;
  cases?: CaseService | undefined;
  guard?: CaseInstanceGuard | undefined;
  /** The service catalog: names and forms of user tasks whose deployment was not recorded. */
  catalog?: { all(): LoadedService[] } | undefined;
  logger?: Logger | undefined;
}

export interface TaskDomain {
  store: TaskStore;
  tasks: TaskService;
  /** Saved inbox views (views/). */
  views: TaskViewService;
  citizenRequests: CitizenRequestService;
  /** What the inbox worker needs (see `userTask.worker.ts`). */
  worker: UserTaskWorkerDeps;
}

export function createTaskDomain(deps: TaskDomainDeps): TaskDomain {
  const { knex, audit, cases, logger } = deps;
  const store = new TaskStore(knex);
  const completion = { engine: deps.engine, cases, logger };
  const tasks = new TaskService(knex, store, audit, completion);
  const citizenRequests = new CitizenRequestService(knex, audit, { knex, store, ...completion });
  cases?.setTasksSource((caseRef) => tasks.ofCase(caseRef));
  cases?.setOpenRequestsSource(async ({ caseId }) =>
    (await citizenRequests.listOpenRequests(caseId)).map((request) => ({
      id: request.id,
      title: { de: request.name, en: request.name },
      createdAt: request.createdAt,
      dueAt: request.dueDate,
      kind: request.acceptsDocuments ? 'upload' : 'answer',
    })),
  );
  return {
    store,
    tasks,
    views: new TaskViewService(knex),
    citizenRequests,
    worker: {
      knex,
      store,
      cases,
      guard: deps.guard,
      definitions: deps.catalog && catalogTaskDefinitions(deps.catalog),
      logger,
    },
  };
}
