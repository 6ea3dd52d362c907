/**
 * Requests to the citizen: user tasks for the candidate group `citizen` (or with the header
 * `portal:audience=citizen`). Staff never see them in the inbox; the citizen's tracking page
 * lists them and the citizen's answer completes the job. For the citizen portal:
 *
 *   const requests = await citizenRequests.listOpenRequests(caseId);         // after the case access check
 *   await citizenRequests.checkAnswer({ caseId, taskId, data, documents: 1 }); // before storing files
 *   await citizenRequests.completeCitizenRequest({ caseId, taskId, data, documents, locale });
 *
 * `documents` are ids of documents the citizen uploaded to this case (DocumentService, kind
 * `upload`); they fill the form's file picker field, as in a submission. The caller checks
 * that the citizen may act on the case (tracking token or "my cases" session); here a task
 * of another case is simply not found.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { AuditService } from '../audit/audit.service';
import { NotFoundError, TaskNotOpenError, ValidationError } from '../http/errors';
import { DEFAULT_LOCALE, type Locale } from '../http/messages';
import type { FormSchema } from '../services/catalog.loader';
import { UUID, variablesOf, type TaskRow } from './task.model';
import { completeTask, validatedData, type CompletionDeps } from './taskCompletion';
import { taskForm, type TaskForm } from './userTaskDefinitions';

export interface OpenCitizenRequest {
  id: string;
  caseId: string;
  name: string;
  createdAt: Date;
  dueDate: Date | null;
  /** The form to answer with, or null (the request needs no data). */
  form: TaskForm | null;
  /** The values the form shows pre-filled. */
  variables: Record<string, unknown>;
  /** Whether the form has a file picker: the answer may carry uploaded documents. */
  acceptsDocuments: boolean;
}

export interface CitizenAnswer {
  caseId: string;
  taskId: string;
  data: Record<string, unknown>;
  /** Ids of documents uploaded to the case, for the form's file picker. */
  documents?: readonly string[] | undefined;
  locale?: Locale | undefined;
}

export class CitizenRequestService {
  constructor(
    private readonly knex: Knex,
    private readonly audit: AuditService,
    private readonly completion: CompletionDeps,
  ) {}

  async listOpenRequests(caseId: string): Promise<OpenCitizenRequest[]> {
    if (!UUID.test(caseId)) return [];
    const rows = (await this.knex('public.tasks')
      .where({ case_id: caseId, audience: 'citizen', status: 'open' })
      .orderBy('created_at')) as TaskRow[];
    return Promise.all(
      rows.map(async (row) => {
        const form = (await taskForm(this.knex, row.form_ref)) ?? null;
        return {
          id: row.id,
          caseId,
          name: row.name,
          createdAt: row.created_at,
          dueDate: row.due_at,
          form,
          variables: variablesOf(row),
          acceptsDocuments: filePickerKey(form?.schema) !== undefined,
        };
      }),
    );
  }

  async completeCitizenRequest(answer: CitizenAnswer): Promise<void> {
    const task = await this.openTask(answer);
    const data = await this.withDocuments(task, answer);
    await completeTask(this.completion, {
      task,
      data,
      locale: answer.locale ?? DEFAULT_LOCALE,
      completedBy: 'citizen',
      record: (trx) =>
        this.audit.record(
          {
            actor: { type: 'citizen', id: answer.caseId },
            tenantId: task.tenant_id,
            action: 'task.complete',
            objectType: 'task',
            objectId: task.id,
            details: { caseId: answer.caseId, documents: answer.documents?.length ?? 0 },
          },
          trx,
        ),
      refused: () => new TaskNotOpenError('being completed'),
    });
  }

  /**
   * Checks an answer against the request's form before its files are stored (ValidationError
   * otherwise), so a refused answer leaves no upload behind. `documents`: how many files the
   * answer will put into the file picker.
   */
  async checkAnswer(answer: Omit<CitizenAnswer, 'documents'> & { documents: number }) {
    const task = await this.openTask(answer);
    const picker = filePickerKey((await taskForm(this.knex, task.form_ref))?.schema);
    if (answer.documents && !picker) {
      throw new ValidationError([{ field: 'file', message: 'this request takes no documents' }]);
    }
    // Stand-ins for the ids the stored files will have; only their number matters here.
    const ids = Array.from({ length: answer.documents }, () => randomUUID());
    const data = ids.length && picker ? { ...answer.data, [picker]: ids } : answer.data;
    await validatedData(this.knex, task, data, answer.locale ?? DEFAULT_LOCALE);
  }

  private async openTask(answer: { caseId: string; taskId: string }): Promise<TaskRow> {
    const task =
      UUID.test(answer.taskId) && UUID.test(answer.caseId)
        ? ((await this.knex('public.tasks')
            .where({ id: answer.taskId, case_id: answer.caseId, audience: 'citizen' })
            .first()) as TaskRow | undefined)
        : undefined;
    if (!task) throw new NotFoundError('no such request');
    if (task.status !== 'open') throw new TaskNotOpenError(`request is ${task.status}`);
    return task;
  }

  /** The data with the documents in the form's file picker; each must be an upload of the case. */
  private async withDocuments(
    task: TaskRow,
    answer: CitizenAnswer,
  ): Promise<Record<string, unknown>> {
    const documents = [...new Set(answer.documents ?? [])];
    if (!documents.length) return answer.data;
    const picker = filePickerKey((await taskForm(this.knex, task.form_ref))?.schema);
    if (!picker) {
      throw new ValidationError([
        { field: 'documents', message: 'this request takes no documents' },
      ]);
    }
    const found = documents.every((id) => UUID.test(id))
      ? ((await this.knex('public.documents')
          .where({ case_id: answer.caseId, tenant_id: task.tenant_id, kind: 'upload' })
          .whereIn('id', documents)
          .select('id')) as { id: string }[])
      : [];
    if (found.length !== documents.length) {
      throw new ValidationError([
        { field: 'documents', message: 'must be documents uploaded to this case' },
      ]);
    }
    return { ...answer.data, [picker]: documents };
  }
}

/** The key of the form's first file picker (top level or in a group without path). */
function filePickerKey(schema: FormSchema | undefined): string | undefined {
  const visit = (components: FormSchema['components']): string | undefined => {
    for (const component of components) {
      if (component.type === 'filepicker' && component.key) return component.key;
      if (!component.path && Array.isArray(component.components)) {
        const nested = visit(component.components);
        if (nested) return nested;
      }
    }
    return undefined;
  };
  return schema ? visit(schema.components) : undefined;
}
