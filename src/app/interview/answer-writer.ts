// Writes answers to the draft as they are given: choices at once, typing after a short pause (≤ 300 ms) or on leaving.
import type { AnswerValue } from '../../core';
import { saveAnswer } from '../store/drafts';

const TYPING_DEBOUNCE_MS = 250;

interface Pending {
  value: AnswerValue | undefined;
  drop: Set<string>;
  timer: ReturnType<typeof setTimeout>;
}

export type SaveState = 'saved' | 'saving';

export class AnswerWriter {
  private pending = new Map<string, Pending>();
  private inflight = 0;
  private last: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly draftId: string,
    private readonly onState: (s: SaveState) => void,
  ) {}

  /** Saves one answer (and drops the answers it hides); typed text waits for a pause in typing. */
  save(itemId: string, value: AnswerValue | undefined, drop: readonly string[], opts: { debounce?: boolean } = {}): void {
    const prev = this.pending.get(itemId);
    if (prev) clearTimeout(prev.timer);
    const dropSet = new Set([...(prev?.drop ?? []), ...drop]);
    if (opts.debounce) {
      const timer = setTimeout(() => this.writePending(itemId), TYPING_DEBOUNCE_MS);
      this.pending.set(itemId, { value, drop: dropSet, timer });
      this.onState('saving');
      return;
    }
    this.pending.delete(itemId);
    // Earlier typing goes first, so the draft's "last item" is the one answered last.
    this.flushOthers();
    this.write(itemId, value, [...dropSet]);
  }

  /** Writes everything still waiting for a typing pause; resolves when all writes so far are stored. */
  flush(): Promise<void> {
    this.flushOthers();
    return this.last.then(
      () => undefined,
      () => undefined,
    );
  }

  private flushOthers(): void {
    for (const id of [...this.pending.keys()]) this.writePending(id);
  }

  private writePending(itemId: string): void {
    const p = this.pending.get(itemId);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(itemId);
    this.write(itemId, p.value, [...p.drop]);
  }

  private write(itemId: string, value: AnswerValue | undefined, drop: string[]): void {
    this.inflight++;
    this.onState('saving');
    // Failures are shown by the store's error banner (guardedWrite); what was saved before stays saved.
    this.last = saveAnswer(this.draftId, itemId, value, drop)
      .catch(() => {})
      .finally(() => {
        this.inflight--;
        if (this.inflight === 0 && this.pending.size === 0) this.onState('saved');
      });
  }
}
