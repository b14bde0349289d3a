import { createContext, useContext } from 'react';
import type { Session } from './session.ts';

/** The session the app runs on; provided once at the root. */
export const SessionContext = createContext<Session | null>(null);

/** The session of the nearest provider; throws when rendered outside one (a wiring bug). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession needs a SessionContext provider');
  return session;
}
