// The response contract shared by tablet and server: one zod schema, validated on both sides.
import { z } from 'zod';

export const AnswerValue = z.union([z.number(), z.string(), z.array(z.string()), z.null()]);
export type AnswerValue = z.infer<typeof AnswerValue>;
export type Answers = Record<string, AnswerValue>;

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** ISO 8601 with an explicit offset, so the server can tell the tablet's clock and zone. */
const IsoWithOffset = z.iso.datetime({ offset: true });

export const Mode = z.enum(['interview', 'kiosk']);
export type Mode = z.infer<typeof Mode>;

/** Client-side flags a tablet may attach; the server adds its own quality flags on read. */
export const ClientFlag = z.enum(['kiosk-misuse', 'followup-unanswered']);
export type ClientFlag = z.infer<typeof ClientFlag>;

export const Procedure = z.object({ code: z.string().trim().min(1).max(64), name: z.string().trim().max(300).default('') });
export type Procedure = z.infer<typeof Procedure>;

export const Response = z
  .object({
    id: z.string().regex(UUID_V7, 'must be a UUIDv7 (lower-case)'),
    formId: z.string().min(1).max(64),
    formVersion: z.number().int().min(1),
    mode: Mode,
    siteId: z.string().min(1).max(64),
    deviceId: z.string().min(1).max(64),
    enumeratorId: z.string().min(1).max(64).nullable().default(null),
    procedure: Procedure.nullable().default(null),
    locale: z.enum(['vi', 'en']),
    startedAt: IsoWithOffset,
    completedAt: IsoWithOffset,
    answers: z.record(z.string().max(64), AnswerValue),
    durationMs: z.record(z.string().max(64), z.number().int().nonnegative()).default({}),
    flags: z.array(ClientFlag).default([]),
    appVersion: z.string().min(1).max(64),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (Date.parse(r.completedAt) < Date.parse(r.startedAt))
      ctx.addIssue({ code: 'custom', path: ['completedAt'], message: 'is before startedAt' });
    if (r.mode === 'interview' && !r.enumeratorId)
      ctx.addIssue({ code: 'custom', path: ['enumeratorId'], message: 'is required for interviews' });
  });
export type Response = z.infer<typeof Response>;
export type ResponseInput = z.input<typeof Response>;
