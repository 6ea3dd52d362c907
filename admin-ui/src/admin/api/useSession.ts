import { useEffect, useState } from 'react';
import { cachedSession, fetchSession, onSessionChange } from '../authProvider';
import type { StaffSession } from './session';

/** The signed-in staff member; re-renders on login, tenant switch and logout. */
export function useSession(): StaffSession | undefined {
  const [session, setSession] = useState(cachedSession);
  useEffect(() => {
    const unsubscribe = onSessionChange(setSession);
    if (!cachedSession()) fetchSession().catch(() => undefined);
    return unsubscribe;
  }, []);
  return session;
}
