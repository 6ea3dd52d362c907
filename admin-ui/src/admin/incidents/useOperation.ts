import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../i18n/useT';

/**
 * Runs an operation on the engine (retry, cancel) for a button: `busy` while it runs, a success
 * note (`doneKey`) then `onDone` and a page refresh when accepted, the server's message when not.
 */
export function useOperation(
  operation: () => Promise<unknown>,
  doneKey: MessageKey,
  onDone?: () => void,
): { busy: boolean; run: () => Promise<void> } {
  const t = useT();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await operation();
      notify(t(doneKey), { type: 'success' });
      onDone?.();
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
