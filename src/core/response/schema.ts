// The response contract shared by tablet and server: one zod schema, validated on both sides.
// zod/mini keeps the browser bundle small (see forms/schema.ts).
import * as z from 'zod/mini';

export const AnswerValue = z.union([z.number(), z.string(), z.array(z.string()), z.null()]);
export type AnswerValue = z.infer<typeof AnswerValue>;
export type Answers = Record<string, AnswerValue>;

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** ISO 8601 with an explicit offset, so the server can tell the tablet's clock and zone. */
export const IsoWithOffset = z.iso.datetime({ offset: true });
export const Id64 = () => z.string().check(z.minLength(1), z.maxLength(64));

export const Mode = z.enum(['interview', 'kiosk']);
export type Mode = z.infer<typeof Mode>;

/** Client-side flags a tablet may attach; the server adds its own quality flags on read. */
export const ClientFlag = z.enum(['kiosk-misuse', 'followup-unanswered']);
export type ClientFlag = z.infer<typeof ClientFlag>;

/** The procedure (TTHC) a person just finished: its code, its name, or both; an enumerator may not know the code. */
export const Procedure = z
  .object({
    code: z.string().check(z.trim(), z.maxLength(64)),
    name: z._default(z.string().check(z.trim(), z.maxLength(300)), ''),
  })
  .check(z.refine((p) => p.code !== '' || p.name !== '', { path: ['code'], message: 'needs a code or a name' }));
export type Procedure = z.infer<typeof Procedure>;

export const Response = z
  .strictObject({
    id: z.string().check(z.regex(UUID_V7, 'must be a UUIDv7 (lower-case)')),
    formId: Id64(),
    formVersion: z.int().check(z.gte(1)),
    mode: Mode,
    siteId: Id64(),
    deviceId: Id64(),
    enumeratorId: z._default(z.nullable(Id64()), null),
    procedure: z._default(z.nullable(Procedure), null),
    locale: z.enum(['vi', 'en']),
    startedAt: IsoWithOffset,
    completedAt: IsoWithOffset,
    answers: z.record(z.string().check(z.maxLength(64)), AnswerValue),
    durationMs: z._default(z.record(z.string().check(z.maxLength(64)), z.int().check(z.nonnegative())), {}),
    flags: z._default(z.array(ClientFlag), []),
    appVersion: Id64(),
  })
  .check(z.superRefine((r, ctx) => {
    if (Date.parse(r.completedAt) < Date.parse(r.startedAt))
      ctx.addIssue({ code: 'custom', path: ['completedAt'], message: 'is before startedAt' });
    if (r.mode === 'interview' && !r.enumeratorId)
      ctx.addIssue({ code: 'custom', path: ['enumeratorId'], message: 'is required for interviews' });
  }));
export type Response = z.infer<typeof Response>;
export type ResponseInput = z.input<typeof Response>;
