// Forms as /api/v1 writes them: full definitions for tablets to keep offline, summaries for the staff's pickers.
import type { FormDefinition, LocalizedText } from '../forms/schema';

/** GET /api/v1/forms: every published definition (a tablet still parses each, and skips what it cannot read). */
export interface FormsAnswer {
  forms: FormDefinition[];
}

export interface FormSummary {
  id: string;
  version: number;
  kind: FormDefinition['kind'];
  title: LocalizedText;
}

/** GET /api/v1/scores/forms: the latest version of each form a supervisor can score and export. */
export interface FormSummariesAnswer {
  forms: FormSummary[];
}
