// The one response contract of tablet and server: what it lets through and what it refuses, by field.
import { describe, expect, it } from 'vitest';
import { describeIssues } from '../forms/schema';
import { newResponseId } from './id';
import { Response } from './schema';

const valid = {
  id: newResponseId(),
  formId: 'sipas-2017',
  formVersion: 1,
  mode: 'interview',
  siteId: 'hp-so-tu-phap',
  deviceId: 'tablet-07',
  enumeratorId: 'enum-3',
  procedure: { code: '1.001', name: 'Đăng ký khai sinh' },
  locale: 'vi',
  startedAt: '2026-11-26T09:00:00.000+07:00',
  completedAt: '2026-11-26T09:07:30.000+07:00',
  answers: { 'E1.1': 4, 'E1.2': 'na', priorities: ['E1'], comment: null },
  durationMs: { 'e1-access': 30_000 },
  appVersion: '0.1.0',
};

const problems = (input: unknown) => {
  const r = Response.safeParse(input);
  return r.success ? [] : describeIssues(r.error.issues);
};

describe('Response', () => {
  it('accepts a full interview response and fills defaults', () => {
    const r = Response.parse(valid);
    expect(r.flags).toEqual([]);
    expect(Response.parse({ ...valid, mode: 'kiosk', enumeratorId: undefined, procedure: undefined })).toMatchObject({
      enumeratorId: null,
      procedure: null,
    });
  });

  it('refuses unknown fields rather than dropping them silently', () => {
    expect(problems({ ...valid, score: 100 })).toEqual(['(root): unknown field(s): "score"']);
  });

  it('needs an explicit UTC offset on timestamps, and completion after start', () => {
    expect(problems({ ...valid, startedAt: '2026-11-26T09:00:00' })[0]).toMatch(/^startedAt:/);
    expect(problems({ ...valid, completedAt: '2026-11-26T08:59:00+07:00' })).toEqual(['completedAt: is before startedAt']);
    // Same instant written in another zone is not "before".
    expect(problems({ ...valid, completedAt: '2026-11-26T02:07:30Z' })).toEqual([]);
  });

  it('takes a procedure by its code, its name or both (trimmed), never by neither', () => {
    const procedure = (p: unknown) => Response.parse({ ...valid, procedure: p }).procedure;
    expect(procedure({ code: ' 1.001 ', name: '' })).toEqual({ code: '1.001', name: '' });
    expect(procedure({ code: '', name: ' Đăng ký khai sinh ' })).toEqual({ code: '', name: 'Đăng ký khai sinh' });
    expect(problems({ ...valid, procedure: { code: ' ', name: ' ' } })).toEqual(['procedure.code: needs a code or a name']);
    expect(problems({ ...valid, procedure: { code: '', name: 'x'.repeat(301) } })[0]).toMatch(/^procedure\.name: must have at most 300/);
  });

  it('needs an enumerator for interviews', () => {
    expect(problems({ ...valid, enumeratorId: null })).toEqual(['enumeratorId: is required for interviews']);
  });

  it('refuses an id that is not a lower-case UUIDv7', () => {
    expect(problems({ ...valid, id: valid.id.toUpperCase() })[0]).toMatch(/^id: must be a UUIDv7/);
    expect(problems({ ...valid, id: '3b241101-e2bb-4255-8caf-4136c566a962' })[0]).toMatch(/^id: must be a UUIDv7/);
  });

  it('refuses answer values of the wrong shape, naming the answer', () => {
    expect(problems({ ...valid, answers: { 'E1.1': { value: 4 } } })).toEqual(['answers.E1.1: does not match any allowed shape']);
    expect(problems({ ...valid, answers: { priorities: [1, 2] } })).toEqual(['answers.priorities: does not match any allowed shape']);
  });
});
