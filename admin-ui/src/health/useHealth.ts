import { useEffect, useState } from 'react';
import { checkHealth, type Health } from './checkHealth';

const timeoutMs = 5_000;

/** 'checking' until the server answered, at most `timeoutMs`; then 'up' or 'down'. */
export function useHealth(): Health | 'checking' {
  const [health, setHealth] = useState<Health | 'checking'>('checking');

  useEffect(() => {
    let mounted = true;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    void checkHealth(controller.signal).then((result) => {
      clearTimeout(timer);
      if (mounted) setHealth(result);
    });
    return () => {
      mounted = false;
      clearTimeout(timer);
      controller.abort();
    };
  }, []);

  return health;
}
