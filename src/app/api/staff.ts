// The staff screens' client (supervisors now, admins to come): the session cookie, and one place that hears a session end.
import { createClient } from './client';

const sessionEnded = new Set<() => void>();

export const staffApi = createClient({ credentials: 'same-origin', onUnauthorized: () => sessionEnded.forEach((l) => l()) });

/** Called whenever a staff request that needed the session is answered 401: it ended (expired, or signed out elsewhere). */
export function onSessionEnded(listener: () => void): () => void {
  sessionEnded.add(listener);
  return () => sessionEnded.delete(listener);
}
