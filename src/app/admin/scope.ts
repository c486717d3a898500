// What every section of the console knows: who is signed in, whether they are an admin, and their sites by id.
import { formatDateTime } from '../../core/format';
import type { SessionJson } from '../../core/protocol/sessions';
import type { SiteJson } from '../../core/protocol/sites';

export interface Scope {
  me: SessionJson;
  admin: boolean;
  /** The caller's sites (all for an admin), deactivated ones included. */
  sites: SiteJson[];
  byId: Map<string, SiteJson>;
  /** After a site changes: the list is loaded again, so every section sees the new names. */
  reloadSites: () => void;
}

/** An instant on the clock of the site it concerns (Vietnam's when the site is unknown); '—' for none. */
export function siteTime(scope: Scope, iso: string | null | undefined, siteId: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  return formatDateTime(iso, lang, (siteId && scope.byId.get(siteId)?.timeZone) || undefined);
}

/** "UBND quận Lê Chân (HP-LC)", or the id when the site is outside the list. */
export function siteLabel(scope: Scope, siteId: string): string {
  const s = scope.byId.get(siteId);
  return s ? `${s.name} (${s.code})` : siteId;
}
