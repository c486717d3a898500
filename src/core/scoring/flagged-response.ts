// One flagged response as /api/v1 lists it: the server writes this shape and the supervisor screen reads it, so it is defined once.
import type { QualityFlag } from './quality';

export interface FlaggedResponse {
  id: string;
  siteId: string;
  localDay: string;
  enumeratorId: string | null;
  procedureCode: string | null;
  completedAt: string;
  receivedAt: string;
  durationMs: number;
  medianMs: number | null;
  flags: QualityFlag[];
}
