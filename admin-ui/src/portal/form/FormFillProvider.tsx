import { createContext, use, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { FieldError, SubmittedCase } from '../api/portalApi';

/**
 * One application being filled: the form's data (as the form-js viewer keeps it, file pickers
 * holding `files::…` keys), the files behind those keys, the Idempotency-Key made once for
 * this fill, the server's field errors to show, and the answer once sent.
 */
export interface FormFill {
  data: Record<string, unknown>;
  files: Map<string, File[]>;
  idempotencyKey: string;
  serverErrors: FieldError[];
  submitted: SubmittedCase | null;
}

interface FormFillStore {
  get(serviceKey: string): FormFill;
  update(serviceKey: string, change: Partial<FormFill>): void;
  /** Forgets the fill (after sending), so the next application gets a new Idempotency-Key. */
  reset(serviceKey: string): void;
}

const FormFillContext = createContext<FormFillStore | null>(null);

function newFill(): FormFill {
  return {
    data: {},
    files: new Map(),
    idempotencyKey: crypto.randomUUID(),
    serverErrors: [],
    submitted: null,
  };
}

/** Keeps every fill above the routes: switching language or going back loses nothing. */
export function FormFillProvider({ children }: { children: ReactNode }) {
  const fills = useRef(new Map<string, FormFill>());
  const [, setVersion] = useState(0);

  const get = useCallback((serviceKey: string) => {
    let fill = fills.current.get(serviceKey);
    if (!fill) {
      fill = newFill();
      fills.current.set(serviceKey, fill);
    }
    return fill;
  }, []);

  const update = useCallback(
    (serviceKey: string, change: Partial<FormFill>) => {
      fills.current.set(serviceKey, { ...get(serviceKey), ...change });
      setVersion((v) => v + 1);
    },
    [get],
  );

  const reset = useCallback((serviceKey: string) => {
    fills.current.delete(serviceKey);
    setVersion((v) => v + 1);
  }, []);

  const store = useMemo(() => ({ get, update, reset }), [get, update, reset]);
  return <FormFillContext value={store}>{children}</FormFillContext>;
}

export function useFormFillStore(): FormFillStore {
  const store = use(FormFillContext);
  if (!store) throw new Error('useFormFill outside FormFillProvider');
  return store;
}

export function useFormFill(tenantId: string, serviceId: string) {
  const store = useFormFillStore();
  const key = `${tenantId}/${serviceId}`;
  return {
    fill: store.get(key),
    update: (change: Partial<FormFill>) => store.update(key, change),
    reset: () => store.reset(key),
  };
}
