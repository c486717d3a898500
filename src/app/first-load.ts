// The entry's start-up on the routes whose shell paints their first screen itself (home.html, kiosk.html): which
// chunks to fetch once that has painted (the build lists them in the HTML, scripts/build-first-load.mjs), and
// home's title taken down on a tablet set to English, rather than shown in the wrong language until the app draws it.
import { savedLanguage } from './i18n/languages';

/** The data attribute marking home.html's title (src/app/home/home-prerender.tsx). */
export const HOME_SHELL_TITLE = 'home-title';

interface AfterPaintRoute {
  path: string;
  files: string[];
}

/** The chunks the HTML lists for this path (first route that matches), or none: the server sent them with it. */
export function afterPaintFiles(listed: string | null | undefined, pathname: string): string[] {
  if (!listed) return [];
  try {
    const routes = JSON.parse(listed) as AfterPaintRoute[];
    return routes.find((r) => new RegExp(r.path).test(pathname))?.files ?? [];
  } catch {
    // A broken list only costs the head start: every chunk still loads when its import runs.
    return [];
  }
}

/** Starts fetching this route's chunks, all at once (their imports then wait for no round trip). */
export function preloadAfterPaint(doc: Document): void {
  for (const file of afterPaintFiles(doc.getElementById('first-load')?.textContent, doc.location.pathname)) {
    const link = doc.createElement('link');
    if (file.endsWith('.css')) {
      link.rel = 'preload';
      link.as = 'style';
    } else link.rel = 'modulepreload';
    link.href = `/${file}`;
    link.crossOrigin = '';
    doc.head.append(link);
  }
}

/** home.html's title is Vietnamese: a tablet set to English shows the app's name alone until its own words are in. */
export function dropShellTitleUnlessVietnamese(doc: Document): void {
  if (savedLanguage() !== 'vi') doc.querySelector(`[data-shell="${HOME_SHELL_TITLE}"]`)?.remove();
}
