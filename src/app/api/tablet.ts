// The tablet's client: the device's bearer token is its identity, so no cookie of a staff session on the same browser rides along.
import { createClient } from './client';

export const tabletApi = createClient({ credentials: 'omit' });
