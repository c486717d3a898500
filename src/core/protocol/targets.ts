// Sample targets (issue 11 item 4): N, a site's transactions in a period, stored on the server so every supervisor,
// the printed report and the Excel report read the same target n = N/(1+N·e²).

/** N above this is a typing slip (no desk returns a hundred million dossiers in a period). */
export const MAX_POPULATION = 100_000_000;

/** A period as the dashboard resolves it: first and last local day, inclusive, YYYY-MM-DD. The pair is the key. */
export interface TargetPeriod {
  from: string;
  to: string;
}

export interface TargetJson {
  siteId: string;
  period: TargetPeriod;
  /** N: transactions (dossiers returned) at the site in the period. */
  population: number;
  /** n = N/(1+N·e²) at the default margin e = 5%, rounded up. */
  target: number;
  /** ISO instant and the display name of who set N last. */
  updatedAt: string;
  updatedBy: string;
}

/** The sites (comma list; none = all in scope) and the period, as GET /api/v1/scores takes them. */
export interface TargetsQuery {
  sites?: string;
  period?: string;
  from?: string;
  to?: string;
}

export interface TargetsAnswer {
  period: TargetPeriod;
  /** Only sites with a stored N for exactly this period. */
  targets: TargetJson[];
}

export interface TargetBody {
  period: TargetPeriod;
  population: number;
}

/** Which period's N to clear. */
export interface TargetDeleteQuery {
  from: string;
  to: string;
}
