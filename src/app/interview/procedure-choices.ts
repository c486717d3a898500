// The procedures offered when an interview starts: this tablet's recent ones, then the site's most used, and the
// ones matching what is typed, so a code is rarely typed by hand.
import type { Procedure } from '../../core';

/** One list, recent first, each procedure once (by code, or by name when it has none). */
export function mergeProcedures(recent: readonly Procedure[], known: readonly Procedure[]): Procedure[] {
  const seen = new Set<string>();
  const out: Procedure[] = [];
  for (const p of [...recent, ...known]) {
    const key = p.code ? `c:${p.code}` : `n:${fold(p.name)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ code: p.code, name: p.name });
  }
  return out;
}

/** Lower case without diacritics, so "dang ky khai sinh" finds "Đăng ký khai sinh". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase().trim();
}

/** The procedures whose code starts with the typed code, or whose name holds every typed word. */
export function matchProcedures(list: readonly Procedure[], typed: { code: string; name: string }, limit = 5): Procedure[] {
  const code = fold(typed.code);
  const words = fold(typed.name).split(/\s+/).filter(Boolean);
  if (!code && words.length === 0) return [];
  return list
    .filter((p) => {
      if (code && !fold(p.code).startsWith(code)) return false;
      const name = fold(p.name);
      return words.every((w) => name.includes(w));
    })
    .slice(0, limit);
}
