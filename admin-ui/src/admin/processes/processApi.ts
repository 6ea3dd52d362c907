/**
 * The process library's API (server/src/processes/process.routes.ts) beyond react-admin's
 * list and show: the designer's model, draft, change summary and deployment.
 */
import { apiFetch } from '../api/apiFetch';

export type ResourceKind = 'process' | 'form' | 'decision';

export interface ProcessFile {
  name: string;
  kind: ResourceKind;
  content: string;
}

export interface ProcessModel {
  source: 'draft' | 'version';
  revision: number;
  baseDeploymentKey: string | null;
  resources: ProcessFile[];
}

export type Change = 'added' | 'removed' | 'changed';

export interface DraftChanges {
  latestVersion: number | null;
  outdated: boolean;
  resources: { name: string; kind: ResourceKind; change: Change }[];
  elements: {
    resource: string;
    id: string;
    type: string;
    name: string | null;
    change: Change;
    previousName?: string | null;
    properties?: string[];
  }[];
}

export interface ProcessVersion {
  id: string;
  version: number;
  bpmnProcessId: string;
  deploymentKey: string;
  deployedAt: string;
  deployedBy: { id: string; displayName: string } | null;
  source: 'designer' | 'catalog';
  comment: string | null;
  latest: boolean;
}

/** A problem the engine found in a deployment, at an element of a file (elementId null: the file). */
export interface DeploymentProblem {
  resource: string;
  elementId: string | null;
  message: string;
}

const base = (serviceId: string) => `/api/processes/${encodeURIComponent(serviceId)}`;

export async function fetchModel(serviceId: string): Promise<ProcessModel> {
  return (await apiFetch<ProcessModel>(`${base(serviceId)}/model`)).json;
}

export async function saveDraft(
  serviceId: string,
  revision: number,
  resources: { name: string; content: string }[],
): Promise<{ revision: number; updatedAt: string }> {
  const { json } = await apiFetch<{ revision: number; updatedAt: string }>(
    `${base(serviceId)}/draft`,
    { method: 'PUT', body: { revision, resources } },
  );
  return json;
}

export async function discardDraft(serviceId: string): Promise<void> {
  await apiFetch(`${base(serviceId)}/draft`, { method: 'DELETE' });
}

export async function fetchChanges(serviceId: string): Promise<DraftChanges> {
  return (await apiFetch<DraftChanges>(`${base(serviceId)}/draft/changes`)).json;
}

export async function deployDraft(
  serviceId: string,
  body: { comment: string; revision: number; overwrite?: boolean },
): Promise<ProcessVersion & { created: boolean }> {
  const { json } = await apiFetch<ProcessVersion & { created: boolean }>(
    `${base(serviceId)}/deployments`,
    { method: 'POST', body },
  );
  return json;
}

/** The engine's problems of a 422 answer (react-admin's HttpError keeps the problem as body). */
export function deploymentProblems(error: unknown): DeploymentProblem[] | undefined {
  const { status, body } = (error ?? {}) as { status?: number; body?: { errors?: unknown } };
  if (status !== 422 || !Array.isArray(body?.errors)) return undefined;
  return (body.errors as DeploymentProblem[]).filter((entry) => typeof entry.resource === 'string');
}
