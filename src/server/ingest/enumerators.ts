// Whether a response's enumeratorId names an active enumerator of its site: plain data built on the main thread, checked wherever the batch is prepared.
import { rejection } from '../../core/protocol/problems';
import type { Rejection } from '../../core/protocol/verdicts';

/** How an enumerator stands towards one site; an id absent from the map is no enumerator at all. */
export type EnumeratorStanding = 'active' | 'disabled' | 'elsewhere';

/** Enumerator id → standing, seen from one site (cheap to send to an ingest worker with the device's scope). */
export type SiteEnumerators = ReadonlyMap<string, EnumeratorStanding>;

/** Every enumerator: the sites they work at and whether they are disabled. */
export class EnumeratorDirectory {
  private readonly bySite = new Map<string, SiteEnumerators>();

  constructor(private readonly people: ReadonlyMap<string, { sites: ReadonlySet<string>; disabled: boolean }>) {}

  static fromRows(rows: readonly { id: string; disabled: number; site_id: string | null }[]): EnumeratorDirectory {
    const people = new Map<string, { sites: Set<string>; disabled: boolean }>();
    for (const r of rows) {
      let p = people.get(r.id);
      if (!p) people.set(r.id, (p = { sites: new Set(), disabled: r.disabled !== 0 }));
      if (r.site_id) p.sites.add(r.site_id);
    }
    return new EnumeratorDirectory(people);
  }

  standing(enumeratorId: string, siteId: string): EnumeratorStanding | undefined {
    const p = this.people.get(enumeratorId);
    if (!p) return undefined;
    if (!p.sites.has(siteId)) return 'elsewhere';
    return p.disabled ? 'disabled' : 'active';
  }

  /** The directory as one site sees it, built once per directory and site. */
  forSite(siteId: string): SiteEnumerators {
    let view = this.bySite.get(siteId);
    if (!view) {
      const m = new Map<string, EnumeratorStanding>();
      for (const id of this.people.keys()) m.set(id, this.standing(id, siteId)!);
      this.bySite.set(siteId, (view = m));
    }
    return view;
  }
}

/** The refusal of a response whose interviewer is not an active enumerator of its site; null when fine or none is named (kiosk). */
export function enumeratorRejection(enumeratorId: string | null, siteId: string, standing: EnumeratorStanding | undefined): Rejection | null {
  if (enumeratorId === null) return null;
  if (standing === undefined) return rejection.unknownEnumerator({ enumeratorId });
  if (standing === 'elsewhere') return rejection.enumeratorOfOtherSite({ enumeratorId, siteId });
  if (standing === 'disabled') return rejection.enumeratorDisabled({ enumeratorId });
  return null;
}
