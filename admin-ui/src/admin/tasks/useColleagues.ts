import { useEffect, useState } from 'react';
import { apiFetch } from '../api/apiFetch';

export interface Colleague {
  username: string;
  displayName: string;
}

/** Who a task may be handed to (GET /api/tasks/{id}/colleagues); none while loading. */
export function useColleagues(taskId: string | undefined): Colleague[] {
  const [colleagues, setColleagues] = useState<Colleague[]>([]);
  useEffect(() => {
    if (!taskId) return;
    const controller = new AbortController();
    apiFetch<Colleague[]>(`/api/tasks/${encodeURIComponent(taskId)}/colleagues`, {
      signal: controller.signal,
    })
      .then(({ json }) => setColleagues(json))
      .catch(() => setColleagues([]));
    return () => controller.abort();
  }, [taskId]);
  return colleagues;
}
