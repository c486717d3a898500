// Short-lived caches for the ingest hot path: published forms and device tokens are read on every batch.
import type { FormDefinition } from '../core/forms/schema';
import type { Db } from './db/index';
import { deviceByTokenHash, deviceRevocation, type DeviceWithSite } from './db/queries/devices';
import { listPublishedForms } from './db/queries/forms';

/** Published forms by "id@version", reloaded at most every ttlMs (a newly published form shows within that). */
export class FormCache {
  private byKey = new Map<string, FormDefinition>();
  private list: FormDefinition[] = [];
  private loadedAt = -Infinity;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 10_000,
  ) {}

  /** The current map "id@version" → form, fresh within ttlMs; a batch looks every item up in one snapshot. */
  async snapshot(): Promise<ReadonlyMap<string, FormDefinition>> {
    await this.fresh();
    return this.byKey;
  }

  async all(): Promise<FormDefinition[]> {
    await this.fresh();
    return this.list;
  }

  private fresh(): Promise<void> {
    if (performance.now() - this.loadedAt < this.ttlMs) return Promise.resolve();
    // Single flight: a burst of batches triggers one reload, not one each.
    this.loading ??= listPublishedForms(this.db)
      .then((forms) => {
        this.list = forms;
        this.byKey = new Map(forms.map((f) => [`${f.id}@${f.version}`, f]));
        this.loadedAt = performance.now();
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }
}

/**
 * Device token hash → device and site, for ttlMs. The revocation is read again on every request (one primary-key
 * read), so a tablet revoked through any endpoint process is refused by every other at its next batch (issue 12,
 * finding 9); what the cache spares is the join with the site.
 */
export class DeviceTokenCache {
  private entries = new Map<string, { value: DeviceWithSite; at: number }>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 10_000,
  ) {}

  async lookup(tokenHash: string): Promise<DeviceWithSite | undefined> {
    const hit = this.entries.get(tokenHash);
    if (hit && performance.now() - hit.at < this.ttlMs) {
      const state = await deviceRevocation(this.db, hit.value.device.id);
      if (state === undefined) {
        this.entries.delete(tokenHash);
        return undefined;
      }
      if (state.revoked_at !== hit.value.device.revoked_at) hit.value = { ...hit.value, device: { ...hit.value.device, revoked_at: state.revoked_at } };
      return hit.value;
    }
    const value = await deviceByTokenHash(this.db, tokenHash);
    if (!value) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    if (this.entries.size > 5_000) this.entries.clear();
    this.entries.set(tokenHash, { value, at: performance.now() });
    return value;
  }

  forgetDevice(deviceId: string): void {
    for (const [k, v] of this.entries) if (v.value.device.id === deviceId) this.entries.delete(k);
  }
}
