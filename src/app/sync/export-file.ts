// The hand-carry file: every unsent response and refusal, for a supervisor to import on the server with no network.
import { toIsoWithOffset } from '../../core';
import { HAND_CARRY_FORMAT, HAND_CARRY_VERSION, type HandCarryFile } from '../../core/protocol/hand-carry';
import { db } from '../store/db';
import { unsent } from '../store/outbox';
import { getSetting } from '../store/settings';
import { refusalQueue, responseQueue, stampQueued } from './outbox-batch';
import type { QueuedEntry } from '../store/types';

const oldestFirst = (a: QueuedEntry, b: QueuedEntry) => a.queuedAt.localeCompare(b.queuedAt);

/**
 * Builds the file. Never-sent items of a manual set-up take the enrolled identity first (and keep it), so the file
 * holds exactly what a later upload would send: import and upload then meet as "duplicate", never "conflict".
 */
export async function buildHandCarryFile(): Promise<HandCarryFile> {
  const device = await getSetting('device');
  if (device?.token) await Promise.all([stampQueued(device, responseQueue), stampQueued(device, refusalQueue)]);
  const [responses, refusals] = await Promise.all([unsent(db.outbox), unsent(db.refusals)]);
  return {
    format: HAND_CARRY_FORMAT,
    version: HAND_CARRY_VERSION,
    exportedAt: toIsoWithOffset(),
    deviceId: device?.deviceId ?? null,
    responses: responses.sort(oldestFirst).map((e) => e.response),
    refusals: refusals.sort(oldestFirst).map((e) => e.refusal),
  };
}

export function handCarryFileName(file: HandCarryFile): string {
  const stamp = file.exportedAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `hailong-chua-gui-${stamp}.json`;
}

/** Saves JSON as a download (Blob and a[download]): works offline, with no server round trip. */
export function saveJson(name: string, data: unknown): void {
  const blob = new Blob([JSON.stringify(data, null, 1)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
