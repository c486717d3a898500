// The hand-carry file: the unsent responses a tablet exports with no network, which a supervisor imports on the server.
import type { Response } from '../response/schema';

export const HAND_CARRY_FORMAT = 'hailong-responses';
export const HAND_CARRY_VERSION = 1;

export interface HandCarryFile {
  format: typeof HAND_CARRY_FORMAT;
  version: typeof HAND_CARRY_VERSION;
  exportedAt: string;
  deviceId: string | null;
  responses: Response[];
}
