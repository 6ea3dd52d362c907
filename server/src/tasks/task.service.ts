/**
 * The staff side of the task inbox: list, read, claim, unclaim, assign, complete, comment.
 * Every operation first loads the task and checks the caller may see it (`taskAccess.ts`);
 * a task they may not see is a NotFoundError, exactly like an unknown id. Reads of tasks
 * (they show applicants) and every change are audited.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { AuditContext, AuditDetails, AuditService } from '../audit/audit.service';
import type { StaffPrincipal } from '../auth';
import {
  NotFoundError,
  TaskNotAssignedToYouError,
  TaskNotOpenError,
  ValidationError,
} from '../http/errors';
import type { Locale } from '../http/messages';
import { membershipsOf } from '../staff/memberships';
import {
  toTaskDetail,
  toTaskSummary,
  UUID,
  type TaskDetail,
  type TaskRow,
  type TaskSummary,
} from './task.model';
import { canSeeTask, isCandidate, isTaskAdmin } from './taskAccess';
import { colleaguesFor, type Colleague } from './taskColleagues';
import { completeTask, type CompletionDeps } from './taskCompletion';
import { listInbox, type InboxPage, type InboxQuery } from './taskInbox';
import type { TaskStore } from './taskStore';
import { taskForm } from './userTaskDefinitions';

export interface TaskComment {
  id: string;
  taskId: string;
  author: { id: string | null; name: string };
  body: string;
  createdAt: Date;
}

interface CommentRow {
  id: string;
  task_id: string;
  author_id: string | null;
  author_name: string;
  body: string;
  created_at: Date;
}

/** Where the task's process diagram comes from: the monitoring source's process definitions. */
export interface TaskDiagramSource {
  getDefinition(
    key: string,
  ): Promise<{ key: string; bpmnProcessId: string; version: number; bpmnXml: string }>;
}

/** The task's process diagram, with the element to highlight. */
export interface TaskDiagram {
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  elementId: string;
  bpmnXml: string;
}

export class TaskService {
  constructor(
    private readonly knex: Knex,
    private readonly store: TaskStore,
    private readonly audit: AuditService,
    private readonly completion: Omit<CompletionDeps, 'knex' | 'store'>,
  ) {}

  async list(
    principal: StaffPrincipal,
    query: InboxQuery,
    context: AuditContext,
  ): Promise<InboxPage> {
    const page = await listInbox(this.knex, principal, query);
    await this.audit.record({
      actor: context.actor,
      tenantId: query.filter.tenantId ?? null,
      action: 'task.list',
      objectType: 'task',
      objectId: null,
      requestId: context.requestId,
      details: { view: query.filter.view ?? 'visible', results: page.items.length },
    });
    return page;
  }

  /**
   * Summaries of a case's tasks, open and done, for the staff case page: the staff tasks and
   * the requests to the citizen (`audience: 'citizen'`), so the clerk sees whether a request
   * is still open or answered.
   */
  async ofCase(caseRef: {
    caseId: string;
    tenantId: string;
  }): Promise<(TaskSummary & { audience: TaskRow['audience'] })[]> {
    const rows = (await this.knex('public.tasks')
      .where({ case_id: caseRef.caseId, tenant_id: caseRef.tenantId })
      .orderBy([{ column: 'created_at' }, { column: 'id' }])) as TaskRow[];
    return rows.map((row) => ({ ...toTaskSummary(row), audience: row.audience }));
  }

  async get(principal: StaffPrincipal, id: string, context: AuditContext): Promise<TaskDetail> {
    const task = await this.visible(principal, id);
    await this.record(context, task, 'task.read');
    return this.detail(task);
  }

  async claim(principal: StaffPrincipal, id: string, context: AuditContext): Promise<TaskDetail> {
    const task = await this.openVisible(principal, id);
    if (task.assignee === principal.username) return this.detail(task);
    if (task.assignee !== null) throw new TaskNotAssignedToYouError('assigned to someone else');
    await this.changeAssignee(task, null, principal.username, context, 'task.claim', {
      assigneeId: principal.userId,
    });
    return this.reload(id);
  }

  async unclaim(principal: StaffPrincipal, id: string, context: AuditContext): Promise<TaskDetail> {
    const task = await this.openVisible(principal, id);
    if (task.assignee === null) return this.detail(task);
    if (task.assignee !== principal.username && !isTaskAdmin(principal, task.tenant_id)) {
      throw new TaskNotAssignedToYouError('not the assignee');
    }
    await this.changeAssignee(task, task.assignee, null, context, 'task.unclaim', {});
    return this.reload(id);
  }

  /**
   * Hands the task to a colleague: an active member of the task's tenant who is one of its
   * candidates. Administrators may reassign any task; others their own or an unassigned one.
   */
  async assign(
    principal: StaffPrincipal,
    id: string,
    username: string,
    context: AuditContext,
  ): Promise<TaskDetail> {
    const task = await this.openVisible(principal, id);
    if (
      task.assignee !== null &&
      task.assignee !== principal.username &&
      !isTaskAdmin(principal, task.tenant_id)
    ) {
      throw new TaskNotAssignedToYouError('assigned to someone else');
    }
    const colleague = await this.colleague(username, task);
    if (!colleague) {
      throw new ValidationError([
        {
          field: 'assignee',
          message: 'must be an active colleague who is a candidate of the task',
        },
      ]);
    }
    if (task.assignee === username) return this.detail(task);
    await this.changeAssignee(task, task.assignee, username, context, 'task.assign', {
      assigneeId: colleague.userId,
    });
    return this.reload(id);
  }

  async complete(
    principal: StaffPrincipal,
    id: string,
    data: unknown,
    locale: Locale,
    context: AuditContext,
  ): Promise<TaskDetail> {
    const task = await this.visible(principal, id);
    const completedBy = `staff:${principal.userId}`;
    // A retried request whose completion went through answers like the first.
    if (task.status === 'completed' && task.completed_by === completedBy) return this.detail(task);
    if (task.status !== 'open') throw new TaskNotOpenError(`task is ${task.status}`);
    if (task.assignee !== principal.username) throw new TaskNotAssignedToYouError('claim first');
    await completeTask(
      { knex: this.knex, store: this.store, ...this.completion },
      {
        task,
        data,
        locale,
        completedBy,
        assignee: principal.username,
        record: (trx) => this.record(context, task, 'task.complete', {}, trx),
        refused: () => new TaskNotOpenError('being completed or no longer yours'),
      },
    );
    return this.reload(id);
  }

  /** Colleagues the caller may hand the task to (see taskColleagues.ts). */
  async colleagues(principal: StaffPrincipal, id: string): Promise<Colleague[]> {
    return colleaguesFor(this.knex, await this.visible(principal, id));
  }

  /**
   * The BPMN diagram of the task's process with the task's element: for whoever sees the task.
   * A task stored before its definition key was kept has none (404).
   */
  async diagram(
    principal: StaffPrincipal,
    id: string,
    source: TaskDiagramSource | undefined,
  ): Promise<TaskDiagram> {
    const task = await this.visible(principal, id);
    if (!source || !task.process_definition_key) throw new NotFoundError('no diagram');
    const definition = await source.getDefinition(task.process_definition_key);
    return {
      processDefinitionKey: definition.key,
      bpmnProcessId: definition.bpmnProcessId,
      version: definition.version,
      elementId: task.element_id,
      bpmnXml: definition.bpmnXml,
    };
  }

  async comments(principal: StaffPrincipal, id: string): Promise<TaskComment[]> {
    const task = await this.visible(principal, id);
    const rows = (await this.knex('public.task_comments')
      .where({ task_id: task.id })
      .orderBy([{ column: 'created_at' }, { column: 'id' }])) as CommentRow[];
    return rows.map(toComment);
  }

  async addComment(
    principal: StaffPrincipal,
    id: string,
    body: string,
    context: AuditContext,
  ): Promise<TaskComment> {
    const task = await this.visible(principal, id);
    const row: CommentRow = {
      id: randomUUID(),
      task_id: task.id,
      author_id: principal.userId,
      author_name: principal.displayName.slice(0, 120),
      body,
      created_at: new Date(),
    };
    await this.knex.transaction(async (trx) => {
      await trx('public.task_comments').insert({ ...row, tenant_id: task.tenant_id });
      await this.record(context, task, 'task.comment', { commentId: row.id }, trx);
    });
    return toComment(row);
  }

  /** The task if the caller may see it; NotFoundError otherwise (also for malformed ids). */
  private async visible(principal: StaffPrincipal, id: string): Promise<TaskRow> {
    const task = UUID.test(id) ? await this.store.get(id) : undefined;
    if (!task || !canSeeTask(principal, task)) throw new NotFoundError('no such task');
    return task;
  }

  private async openVisible(principal: StaffPrincipal, id: string): Promise<TaskRow> {
    const task = await this.visible(principal, id);
    if (task.status !== 'open') throw new TaskNotOpenError(`task is ${task.status}`);
    return task;
  }

  private async changeAssignee(
    task: TaskRow,
    expected: string | null,
    assignee: string | null,
    context: AuditContext,
    action: string,
    details: AuditDetails,
  ): Promise<void> {
    const changed = await this.store.setAssignee(task.id, expected, assignee, (trx) =>
      this.record(context, task, action, details, trx),
    );
    // Someone else was quicker (or the task left `open` meanwhile).
    if (!changed) throw new TaskNotAssignedToYouError('assignee changed concurrently');
  }

  /** An active staff member of the task's tenant who is one of its candidates. */
  private async colleague(username: string, task: TaskRow) {
    const user = (await this.knex('public.staff_users')
      .where({ username, active: true })
      .first('id', 'username', 'display_name', 'email')) as
      { id: string; username: string; display_name: string; email: string } | undefined;
    if (!user) return undefined;
    const memberships =
      (await membershipsOf(this.knex, [user.id], [task.tenant_id])).get(user.id) ?? [];
    const principal: StaffPrincipal = {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      email: user.email,
      authMethod: 'password',
      currentTenantId: task.tenant_id,
      memberships: memberships.map((m) => ({ ...m, tenantName: m.tenantId })),
    };
    return isCandidate(principal, task) ? principal : undefined;
  }

  private async reload(id: string): Promise<TaskDetail> {
    const task = await this.store.get(id);
    if (!task) throw new NotFoundError('no such task');
    return this.detail(task);
  }

  private async detail(task: TaskRow): Promise<TaskDetail> {
    return toTaskDetail(task, await taskForm(this.knex, task.form_ref));
  }

  private record(
    context: AuditContext,
    task: TaskRow,
    action: string,
    details: AuditDetails = {},
    db?: Knex,
  ) {
    return this.audit.record(
      {
        actor: context.actor,
        tenantId: task.tenant_id,
        action,
        objectType: 'task',
        objectId: task.id,
        requestId: context.requestId,
        details: { caseId: task.case_id, ...details },
      },
      db,
    );
  }
}

function toComment(row: CommentRow): TaskComment {
  return {
    id: row.id,
    taskId: row.task_id,
    author: { id: row.author_id, name: row.author_name },
    body: row.body,
    createdAt: row.created_at,
  };
}
