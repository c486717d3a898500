// The outer shape of a batch ({ responses: [...] }): checked before any item is looked at, so a bad envelope is a 400.
import { problem } from '../../core/protocol/problems';
import { VERDICT_STATUSES } from '../../core/protocol/verdicts';

/** The items of a batch under `key` ("responses", or "refusals" for POST /api/v1/refusals). */
export function batchItems(body: unknown, max: number, key: 'responses' | 'refusals' = 'responses'): unknown[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw problem.notABatch({ key });
  const items = (body as Record<string, unknown>)[key];
  if (!Array.isArray(items)) throw problem.responsesNotArray({ key });
  if (items.length > max) throw problem.tooManyItems({ max, got: items.length, what: key });
  return items;
}

const verdictsSchema = {
  type: 'array',
  description: 'One verdict per submitted item, in the same order',
  items: {
    type: 'object',
    required: ['id', 'status'],
    properties: {
      id: { type: 'string', nullable: true, description: 'null when the item was not an object with a string id' },
      status: { type: 'string', enum: [...VERDICT_STATUSES] },
      code: { type: 'number', description: 'problem code: 409.1 for a conflict; 400.3, 403.1 or 404.2 for a rejection' },
      reason: { type: 'string' },
      field: { type: 'string', description: 'path of the field at fault, e.g. "siteId" or "answers.E1.1"' },
    },
  },
} as const;

export const resultsSchema = { type: 'object', properties: { results: verdictsSchema } } as const;

/** A hand-carried file's answer: its responses' verdicts, then its refusals'. */
export const importResultsSchema = { type: 'object', properties: { results: verdictsSchema, refusals: verdictsSchema } } as const;
