import { useState } from 'react';
import {
  useListContext,
  useNotify,
  useRefresh,
  useUnselectAll,
  type Identifier,
} from 'react-admin';
import { useT } from '../i18n/useT';

export interface BulkProgress {
  done: number;
  total: number;
}

/**
 * Runs one request per selected task, one after the other (the server decides each task on
 * its own: someone may have claimed one meanwhile), with progress; then says how many worked.
 */
export function useBulkRun() {
  const t = useT();
  const notify = useNotify();
  const refresh = useRefresh();
  const { selectedIds, resource } = useListContext();
  const unselectAll = useUnselectAll(resource ?? 'tasks');
  const [progress, setProgress] = useState<BulkProgress>();

  const run = async (action: (id: string) => Promise<unknown>) => {
    const ids = [...selectedIds] as Identifier[];
    let failed = 0;
    setProgress({ done: 0, total: ids.length });
    for (const [index, id] of ids.entries()) {
      try {
        await action(String(id));
      } catch {
        failed += 1;
      }
      setProgress({ done: index + 1, total: ids.length });
    }
    setProgress(undefined);
    unselectAll();
    refresh();
    notify(
      t('resources.tasks.bulk.result', { done: ids.length - failed, failed, total: ids.length }),
      { type: failed ? 'warning' : 'success' },
    );
  };
  return { run, progress, selectedIds };
}
