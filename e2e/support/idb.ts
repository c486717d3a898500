// Reads the tablet's IndexedDB from inside the page, the way the app stored it (no app code involved).
import type { Page } from '@playwright/test';

export function readStore<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('hailong');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            return resolve([]);
          }
          const req = db.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as T[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

export interface StoredDraft {
  id: string;
  formId: string;
  answers: Record<string, unknown>;
  stage: string;
  sectionIndex: number;
  itemId: string | null;
  durationMs: Record<string, number>;
  locale: string;
}

export interface StoredOutboxEntry {
  id: string;
  state: string;
  response: {
    id: string;
    formId: string;
    mode: string;
    procedure: { code: string; name: string } | null;
    answers: Record<string, unknown>;
    durationMs: Record<string, number>;
    enumeratorId: string | null;
    locale: string;
  };
}

/** Writes one record straight into a store, as another part of the app (the form fetcher, say) would have. */
export function putRecord(page: Page, store: string, value: unknown): Promise<void> {
  return page.evaluate(
    ({ name, record }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('hailong');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(name, 'readwrite');
          tx.objectStore(name).put(record);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { name: store, record: value },
  );
}
