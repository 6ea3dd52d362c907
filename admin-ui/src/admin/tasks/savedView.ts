/** A saved inbox view as /api/task-views answers (server/src/views/taskView.service.ts). */
export interface SavedView {
  id: string;
  name: string;
  tenantId: string;
  filter: Record<string, unknown>;
  sort: [string, 'ASC' | 'DESC'];
  sharedWithGroup: string | null;
  mine: boolean;
  owner: { displayName: string };
}
