// The staff screens' client (supervisors now, admins to come): the session cookie, and one place that hears a session end.
import { createClient } from './client';

export const staffApi = createClient({ credentials: 'same-origin' });
