// The hand-carry file: the unsent responses and refusals a tablet exports with no network, which a supervisor imports.
import type { Response } from '../response/schema';
import type { Refusal } from './refusals';
import type { Verdict } from './verdicts';

export const HAND_CARRY_FORMAT = 'hailong-responses';
/** Version 2 carries refusals; a server that knows only version 1 refuses the file instead of dropping them. */
export const HAND_CARRY_VERSION = 2;
/** Versions the server imports: files exported by tablets before refusals travelled still import. */
export const HAND_CARRY_VERSIONS = [1, 2] as const;

export interface HandCarryFile {
  format: typeof HAND_CARRY_FORMAT;
  version: (typeof HAND_CARRY_VERSIONS)[number];
  exportedAt: string;
  deviceId: string | null;
  responses: Response[];
  /** Absent in version 1. */
  refusals?: Refusal[];
}

/** The answer to an import: one verdict per response and one per refusal, each in the file's order. */
export interface ImportAnswer {
  results: Verdict[];
  refusals: Verdict[];
}
