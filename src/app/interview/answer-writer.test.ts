// The interview's write queue on a real Dexie (fake-indexeddb): what a pause waits for is what a reload finds.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../store/db';
import { getDraft, startDraft, updateDraft } from '../store/drafts';
import { AnswerWriter, type SaveState } from './answer-writer';

async function newDraft() {
  return startDraft({ formId: 'sipas-2017', formVersion: 1, mode: 'interview', siteId: 'site-1', deviceId: 'dev-1', enumeratorId: 'enum-1', locale: 'vi' });
}

beforeEach(async () => {
  await db.drafts.clear();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('AnswerWriter', () => {
  it('a procedure still being typed is stored once flush() resolves, as a pause or a closed tab calls it', async () => {
    const d = await newDraft();
    const writer = new AnswerWriter(d.id, () => {});
    writer.saveField('procedure', () => updateDraft(d.id, { procedure: { code: '', name: 'Chứng thực' } }), { debounce: true });
    await writer.flush();
    expect((await getDraft(d.id))?.procedure).toEqual({ code: '', name: 'Chứng thực' });
  });

  it('a field written at once is waited for too: flush() resolves only after it is stored', async () => {
    const d = await newDraft();
    const writer = new AnswerWriter(d.id, () => {});
    writer.saveField('procedure', () => updateDraft(d.id, { procedure: { code: '1.004227', name: '' } }));
    await writer.flush();
    expect((await getDraft(d.id))?.procedure).toEqual({ code: '1.004227', name: '' });
  });

  it('a choice made while typing is still waiting replaces the typing: the choice is what stays', async () => {
    const d = await newDraft();
    const writer = new AnswerWriter(d.id, () => {});
    // Only the writer's typing pause is faked; IndexedDB's own scheduling stays real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    writer.saveField('procedure', () => updateDraft(d.id, { procedure: { code: '', name: 'Cấp gi' } }), { debounce: true });
    writer.saveField('procedure', () => updateDraft(d.id, { procedure: { code: '1.004227', name: 'Cấp giấy chứng nhận' } }));
    vi.runAllTimers();
    await writer.flush();
    expect((await getDraft(d.id))?.procedure).toEqual({ code: '1.004227', name: 'Cấp giấy chứng nhận' });
  });

  it('says "saving" while anything is waiting or being written, and "saved" once all of it is stored', async () => {
    const d = await newDraft();
    const states: SaveState[] = [];
    const writer = new AnswerWriter(d.id, (s) => states.push(s));
    writer.save('E1.1', 4, []);
    writer.saveField('procedure', () => updateDraft(d.id, { procedure: { code: 'x', name: '' } }), { debounce: true });
    expect(states.at(-1)).toBe('saving');
    await writer.flush();
    expect(states.at(-1)).toBe('saved');
    const stored = await getDraft(d.id);
    expect(stored?.answers).toEqual({ 'E1.1': 4 });
    expect(stored?.procedure).toEqual({ code: 'x', name: '' });
  });
});
