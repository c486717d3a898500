// Short-lived caches for the ingest hot path: published forms and device tokens are read on every batch.
import type { FormDefinition } from '../core/forms/schema';
import type { Db } from './db/index';
import { deviceByTokenHash, deviceRevocation, markDeviceSeen, markDeviceSynced, type DeviceWithSite } from './db/queries/devices';
import { listServedForms, type ServedForm } from './db/queries/forms';
import { enumeratorSites } from './db/queries/people';
import { EnumeratorDirectory } from './ingest/enumerators';

/**
 * Published and withdrawn forms, reloaded at most every ttlMs (a newly published or withdrawn form shows within that,
 * at once in the process that changed it). Ingest checks responses against both: a withdrawn version is offered to
 * no tablet, but what tablets started on it before they heard still arrives and must be judged by its definition.
 */
export class FormCache {
  private byKey = new Map<string, FormDefinition>();
  private served: ServedForm[] = [];
  private loadedAt = -Infinity;
  private loading: Promise<void> | undefined;
  private generation = 0;

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 10_000,
  ) {}

  /** The current map "id@version" → form (published or withdrawn), fresh within ttlMs; a batch looks every item up in one snapshot. */
  async snapshot(): Promise<ReadonlyMap<string, FormDefinition>> {
    await this.fresh();
    return this.byKey;
  }

  /** Every published form (staff screens). */
  async all(): Promise<FormDefinition[]> {
    await this.fresh();
    return this.served.filter((f) => f.status === 'published').map((f) => f.form);
  }

  /** The published forms offered to a site's tablets. */
  async forSite(siteId: string): Promise<FormDefinition[]> {
    await this.fresh();
    return this.served.filter((f) => f.status === 'published' && (f.sites === 'all' || f.sites.includes(siteId))).map((f) => f.form);
  }

  /** After a change in this process: the next read loads again (one already under way is not trusted). */
  invalidate(): void {
    this.loadedAt = -Infinity;
    this.generation++;
    this.loading = undefined;
  }

  private fresh(): Promise<void> {
    if (performance.now() - this.loadedAt < this.ttlMs) return Promise.resolve();
    const generation = this.generation;
    // Single flight: a burst of batches triggers one reload, not one each.
    const loading = (this.loading ??= listServedForms(this.db)
      .then((served) => {
        if (generation !== this.generation) return;
        this.served = served;
        this.byKey = new Map(served.map((f) => [`${f.form.id}@${f.form.version}`, f.form]));
        this.loadedAt = performance.now();
      })
      .finally(() => {
        if (this.loading === loading) this.loading = undefined;
      }));
    return loading.then(() => (generation === this.generation ? undefined : this.fresh()));
  }
}

/** How often a device's last_seen_at and last_sync_at are written at most: to the minute is plenty for a fleet list. */
const SEEN_EVERY_MS = 60_000;

/**
 * Device token hash → device and site, for ttlMs. The revocation is read again on every request (one primary-key
 * read), so a tablet revoked through any endpoint process is refused by every other at its next batch (issue 12,
 * finding 9); what the cache spares is the join with the site.
 */
export class DeviceTokenCache {
  private entries = new Map<string, { value: DeviceWithSite; at: number }>();
  /** Device id → when (ctx clock, ms) its last_seen_at was last written. */
  private lastSeenWrite = new Map<string, number>();
  /** The same for last_sync_at. */
  private lastSyncWrite = new Map<string, number>();

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

  /**
   * Notes that the device called (devices.last_seen_at), writing at most once per SEEN_EVERY_MS per device so
   * the ingest path does not pay a write per request; a failed write is tried again on the next call.
   */
  seen(deviceId: string, now: Date): Promise<void> {
    return this.throttled(this.lastSeenWrite, deviceId, now, markDeviceSeen);
  }

  /**
   * Notes that the server answered the device's batch with verdicts (devices.last_sync_at), as seldom as seen():
   * on SQLite a write outside the ingest workers' turn-taking would wait on theirs, once per batch.
   */
  synced(deviceId: string, now: Date): Promise<void> {
    return this.throttled(this.lastSyncWrite, deviceId, now, markDeviceSynced);
  }

  private async throttled(written: Map<string, number>, deviceId: string, now: Date, write: (db: Db, id: string, now: Date) => Promise<void>): Promise<void> {
    const last = written.get(deviceId);
    const nowMs = now.getTime();
    if (last !== undefined && nowMs - last < SEEN_EVERY_MS && nowMs >= last) return;
    if (written.size > 5_000) written.clear();
    written.set(deviceId, nowMs);
    try {
      await write(this.db, deviceId, now);
    } catch {
      // A courtesy to the fleet list: never fail the tablet's request for it.
      written.delete(deviceId);
    }
  }

  forgetDevice(deviceId: string): void {
    for (const [k, v] of this.entries) if (v.value.device.id === deviceId) this.entries.delete(k);
  }
}

/**
 * Every enumerator and their sites, for the ingest check of enumeratorId: reloaded at most every ttlMs, and on
 * the next batch after a tablet fetched its enumerator list (GET /api/v1/device, the heartbeat), so an enumerator
 * a tablet can pick is never refused as unknown for being newer than this copy.
 */
export class EnumeratorCache {
  private current: EnumeratorDirectory | undefined;
  private loadedAt = -Infinity;
  private loading: Promise<EnumeratorDirectory> | undefined;
  /** Bumped by invalidate(): a load that began before it does not count as fresh. */
  private generation = 0;

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 10_000,
  ) {}

  async snapshot(): Promise<EnumeratorDirectory> {
    if (this.current && performance.now() - this.loadedAt < this.ttlMs) return this.current;
    // Single flight, as FormCache: a burst of batches triggers one reload.
    const generation = this.generation;
    this.loading ??= enumeratorSites(this.db)
      .then((rows) => {
        this.current = EnumeratorDirectory.fromRows(rows);
        if (generation === this.generation) this.loadedAt = performance.now();
        return this.current;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }

  /** The next snapshot is read afresh (people changed, or a tablet just learnt its list). */
  invalidate(): void {
    this.generation++;
    this.loadedAt = -Infinity;
  }
}
