import { useEffect, useState } from 'react';
import { apiFetch } from '../api/apiFetch';

export interface ApiState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
}

/** A GET of the API for a component, aborted when the path changes or the component goes. */
export function useApi<T>(path: string | undefined, reload = 0): ApiState<T> {
  const [state, setState] = useState<ApiState<T>>({
    data: undefined,
    error: undefined,
    loading: path !== undefined,
  });
  useEffect(() => {
    if (!path) return undefined;
    const abort = new AbortController();
    setState((previous) => ({ ...previous, loading: true, error: undefined }));
    apiFetch<T>(path, { signal: abort.signal }).then(
      ({ json }) => setState({ data: json, error: undefined, loading: false }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setState({
          data: undefined,
          error: error instanceof Error ? error : new Error(String(error)),
          loading: false,
        });
      },
    );
    return () => abort.abort();
  }, [path, reload]);
  return state;
}
