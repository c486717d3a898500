// N per site (transactions in the period, entered by the supervisor), kept in this browser's localStorage.
const KEY = 'hailong.supervisor.population.';

export function loadPopulation(siteId: string): number | null {
  try {
    const v = localStorage.getItem(KEY + siteId);
    const n = v === null ? NaN : Number(v);
    return Number.isInteger(n) && n >= 0 ? n : null;
  } catch {
    return null;
  }
}

export function savePopulation(siteId: string, n: number | null): void {
  try {
    if (n === null) localStorage.removeItem(KEY + siteId);
    else localStorage.setItem(KEY + siteId, String(n));
  } catch {
    // private mode: the figure works for this visit only
  }
}
