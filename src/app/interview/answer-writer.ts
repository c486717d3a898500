// Writes the draft as the interviewer goes: choices at once, typing after a short pause (≤ 300 ms) or on leaving,
// all through one queue, so a pause, a refusal or a closed tab waits for every write (answers and the rest).
import type { AnswerValue } from '../../core';
import { saveAnswer } from '../store/drafts';

const TYPING_DEBOUNCE_MS = 250;

interface Pending {
  run: (drop: string[]) => Promise<unknown>;
  drop: Set<string>;
  timer: ReturnType<typeof setTimeout>;
}

export type SaveState = 'saved' | 'saving';

export interface WriteOptions {
  /** Typed text: wait for a pause in typing (a later write of the same key replaces it). */
  debounce?: boolean;
}

export class AnswerWriter {
  private pending = new Map<string, Pending>();
  private inflight = 0;
  private all: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly draftId: string,
    private readonly onState: (s: SaveState) => void,
  ) {}

  /** Saves one answer (and drops the answers it hides). */
  save(itemId: string, value: AnswerValue | undefined, drop: readonly string[], opts: WriteOptions = {}): void {
    this.queue(`answer:${itemId}`, (dropped) => saveAnswer(this.draftId, itemId, value, dropped), drop, opts);
  }

  /**
   * Saves another part of the draft (the procedure typed so far, the consent) in the same queue: flush() waits for
   * it, and a write of the same key replaces one still waiting, so typing never lands after a choice made later.
   */
  saveField(key: string, write: () => Promise<unknown>, opts: WriteOptions = {}): void {
    this.queue(`field:${key}`, write, [], opts);
  }

  /** Writes everything still waiting for a typing pause; resolves when every write so far is stored (or failed). */
  flush(): Promise<void> {
    this.flushOthers();
    return this.all.then(
      () => undefined,
      () => undefined,
    );
  }

  private queue(key: string, run: Pending['run'], drop: readonly string[], opts: WriteOptions): void {
    const prev = this.pending.get(key);
    if (prev) clearTimeout(prev.timer);
    const dropSet = new Set([...(prev?.drop ?? []), ...drop]);
    if (opts.debounce) {
      const timer = setTimeout(() => this.writePending(key), TYPING_DEBOUNCE_MS);
      this.pending.set(key, { run, drop: dropSet, timer });
      this.onState('saving');
      return;
    }
    this.pending.delete(key);
    // Earlier typing goes first, so the draft's "last item" is the one answered last.
    this.flushOthers();
    this.write(run, [...dropSet]);
  }

  private flushOthers(): void {
    for (const key of [...this.pending.keys()]) this.writePending(key);
  }

  private writePending(key: string): void {
    const p = this.pending.get(key);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(key);
    this.write(p.run, [...p.drop]);
  }

  private write(run: Pending['run'], drop: string[]): void {
    this.inflight++;
    this.onState('saving');
    // Failures are shown by the store's error banner (guardedWrite); what was saved before stays saved.
    const done = run(drop)
      .catch(() => {})
      .finally(() => {
        this.inflight--;
        if (this.inflight === 0 && this.pending.size === 0) this.onState('saved');
      });
    this.all = Promise.all([this.all, done]);
  }
}
