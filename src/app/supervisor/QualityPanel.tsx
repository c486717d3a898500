// Responses to doubt, by flag, each opening the answers it holds; counts first so a clean period reads as clean at once.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../core/format';
import type { QualityJson } from '../../core/protocol/scores';
import type { SiteJson } from '../../core/protocol/sites';
import type { QualityFlag } from '../../core/scoring/quality';
import { minutes, num } from './format';
import { ResponseDrawer } from './ResponseDrawer';

const FLAGS: QualityFlag[] = ['too-fast', 'straight-lining', 'clock-skew', 'kiosk-misuse'];

export function QualityPanel({ quality, siteById }: { quality: QualityJson | null; siteById: Map<string, SiteJson> }) {
  const { t, i18n } = useTranslation('supervisor');
  const lang = i18n.language;
  const [only, setOnly] = useState<QualityFlag | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  if (!quality) return <p className="muted">{t('loading')}</p>;
  const items = only ? quality.items.filter((i) => i.flags.includes(only)) : quality.items;
  return (
    <div data-testid="quality-panel">
      <p className="muted">{t('quality.checked', { count: quality.checked, formatted: num(quality.checked, lang) })}</p>
      {quality.excluded ? (
        <p className="muted" data-testid="quality-excluded">
          {t('quality.excluded', { count: quality.excluded, formatted: num(quality.excluded, lang) })}
        </p>
      ) : null}
      <div className="sv-chips" role="group" aria-label={t('quality.filter')}>
        {FLAGS.map((f) => (
          <button
            key={f}
            type="button"
            className="sv-chip"
            aria-pressed={only === f}
            onClick={() => setOnly(only === f ? null : f)}
            title={t(`quality.help_${f}`)}
            data-testid={`flag-${f}`}
          >
            <span className="sv-chip-count">{num(quality.counts[f], lang)}</span> {t(`quality.flag_${f}`)}
          </button>
        ))}
      </div>
      {items.length === 0 ? (
        <p className="sv-clean">{t('quality.none')}</p>
      ) : (
        <div className="sv-scroll sv-quality-scroll" tabIndex={0}>
          <table className="sv-table sv-quality" data-testid="quality-table">
            <thead>
              <tr>
                <th scope="col">{t('quality.completed')}</th>
                <th scope="col">{t('ranking.site')}</th>
                <th scope="col" className="num">
                  {t('quality.duration')}
                </th>
                <th scope="col">{t('quality.flags')}</th>
                <th scope="col">
                  <span className="sr-only">{t('quality.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id}>
                  <td className="sv-nowrap">{formatDateTime(i.completedAt, lang)}</td>
                  <td>{siteById.get(i.siteId)?.name ?? i.siteId}</td>
                  <td className="num sv-nowrap">
                    {t('quality.minutes', { value: minutes(i.durationMs, lang) })}
                    {i.medianMs !== null && <span className="muted"> / {t('quality.median', { value: minutes(i.medianMs, lang) })}</span>}
                  </td>
                  <td>
                    {i.flags.map((f) => (
                      <span key={f} className={`sv-flag sv-flag-${f}`}>
                        {t(`quality.flag_${f}`)}
                      </span>
                    ))}
                  </td>
                  <td>
                    <button type="button" className="btn btn-small" onClick={() => setOpen(i.id)}>
                      {t('quality.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {quality.truncated && <p className="muted">{t('quality.truncated', { count: quality.items.length })}</p>}
        </div>
      )}
      {open && <ResponseDrawer id={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
