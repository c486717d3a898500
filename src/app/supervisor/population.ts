// N as earlier versions kept it, in this browser's localStorage per site: read once, handed to the server, then removed.
const KEY = 'hailong.supervisor.population.';

/** The N this browser kept for the site, removed as it is read (null when there was none worth keeping). */
export function takeLegacyPopulation(siteId: string): number | null {
  try {
    const v = localStorage.getItem(KEY + siteId);
    if (v === null) return null;
    localStorage.removeItem(KEY + siteId);
    const n = Number(v);
    return Number.isInteger(n) && n >= 0 ? n : null;
  } catch {
    // Private mode or storage refused: nothing was kept here.
    return null;
  }
}
