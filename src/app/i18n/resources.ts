// Every locale file, one namespace per area: Vietnamese shell words ship in the main bundle, the rest load on use.
// Each other namespace (and all of English) is its own small chunk, precached for offline like every asset, so a
// route carries only its own words: the kiosk's JS budget (150 KB gzip) cannot afford the dashboard's.
import viCommon from './locales/vi/common.json';

export type Namespace = 'common' | 'tablet' | 'interview' | 'kiosk' | 'kioskSettings' | 'sync' | 'supervisor' | 'admin' | 'problems';

/** What the first paint needs with no wait: the default language's shell strings. */
export const bundled = { vi: { common: viCommon } };

/**
 * The namespaces the tablet's own screens share, the status bar and its sync messages first (everywhere but the
 * kiosk, which has none of them): 'tablet' holds home's, settings' and the bar's words, so the kiosk does not carry them.
 */
export const shellNamespaces: Namespace[] = ['common', 'tablet', 'sync', 'problems'];

const files = import.meta.glob<{ default: Record<string, unknown> }>(['./locales/*/*.json', '!./locales/vi/common.json']);

/** One namespace of one language, from its own chunk. */
export async function loadNamespace(lng: string, ns: string): Promise<Record<string, unknown>> {
  if (lng === 'vi' && ns === 'common') return bundled.vi.common;
  const load = files[`./locales/${lng}/${ns}.json`];
  if (!load) throw new Error(`no locale file ${lng}/${ns}`);
  return (await load()).default;
}
