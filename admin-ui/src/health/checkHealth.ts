export type Health = 'up' | 'down';

/**
 * Asks the server whether it is up. Never throws: an unreachable server, a 5xx or an aborted
 * request are all just 'down', an expected outcome the page shows calmly.
 */
export async function checkHealth(signal?: AbortSignal): Promise<Health> {
  try {
    const response = await fetch('/health', { signal, headers: { accept: 'application/json' } });
    return response.ok ? 'up' : 'down';
  } catch {
    return 'down';
  }
}
