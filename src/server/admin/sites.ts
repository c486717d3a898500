// Creating and changing a site, with its audit row: the API and the CLI both go through here.
import { problem } from '../../core/protocol/problems';
import type { SiteKind, SitePatch } from '../../core/protocol/sites';
import { isUniqueViolation } from '../db/errors';
import type { Db } from '../db/index';
import { audit } from '../db/queries/audit';
import { createSite, getSiteByCode, updateSite } from '../db/queries/sites';
import type { Site } from '../db/schema';

export async function addSite(db: Db, input: { code: string; name: string; kind: SiteKind; timeZone: string }, actor: string, now: Date): Promise<Site> {
  if (await getSiteByCode(db, input.code)) throw problem.siteCodeTaken({ code: input.code });
  // The check above is for the common case; the unique index decides a race between two requests.
  const site = await createSite(db, input, now).catch((e: unknown) => {
    throw isUniqueViolation(e) ? problem.siteCodeTaken({ code: input.code }) : e;
  });
  await audit(db, { actor, action: 'site.create', siteId: site.id, details: { code: site.code, name: site.name, kind: site.kind, timeZone: site.time_zone } }, now);
  return site;
}

/** Applies a patch (already checked by the field rules); one audit row says what changed from what. */
export async function changeSite(db: Db, site: Site, patch: SitePatch, actor: string, now: Date): Promise<Site> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (patch.name !== undefined && patch.name !== site.name) changes.name = { from: site.name, to: patch.name };
  if (patch.kind !== undefined && patch.kind !== site.kind) changes.kind = { from: site.kind, to: patch.kind };
  if (patch.timeZone !== undefined && patch.timeZone !== site.time_zone) changes.timeZone = { from: site.time_zone, to: patch.timeZone };
  const active = site.deactivated_at === null;
  if (patch.active !== undefined && patch.active !== active) changes.active = { from: active, to: patch.active };
  const updated = await updateSite(db, site.id, {
    name: patch.name,
    kind: patch.kind,
    timeZone: patch.timeZone,
    // Reactivating clears the stamp; deactivating twice keeps the first one.
    deactivatedAt: changes.active ? (patch.active ? null : now.toISOString()) : undefined,
  });
  if (!updated) throw problem.noSuchSites({ siteIds: [site.id] });
  const action = changes.active && Object.keys(changes).length === 1 ? (patch.active ? 'site.activate' : 'site.deactivate') : 'site.update';
  await audit(db, { actor, action, siteId: site.id, details: { code: site.code, changes } }, now);
  return updated;
}
