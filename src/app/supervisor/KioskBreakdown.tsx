// The kiosk's follow-up: why unhappy people were unhappy, most named first, and how many walked away before saying.
import { useTranslation } from 'react-i18next';
import type { KioskScore } from '../../core/scoring/kiosk';
import { label } from '../i18n/label';
import { num, pct } from './format';

export function KioskBreakdown({ kiosk }: { kiosk: KioskScore }) {
  const { t, i18n } = useTranslation('supervisor');
  const lang = i18n.language;
  const unhappy = kiosk.distribution.filter((d) => !d.satisfied).reduce((s, d) => s + d.count, 0);
  return (
    <div data-testid="kiosk-breakdown">
      <p className="muted">{t('kiosk.summary', { unhappy: num(unhappy, lang), walked: num(kiosk.followUpUnanswered, lang) })}</p>
      {kiosk.followUps
        .filter((f) => f.options.length)
        .map((f) => (
          <table key={f.itemId} className="sv-table">
            <caption>{label(f.label, lang)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('kiosk.reason')}</th>
                <th scope="col" className="num">
                  {t('kiosk.count')}
                </th>
                <th scope="col" className="num">
                  {t('kiosk.share', { count: f.answered })}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...f.options]
                .sort((a, b) => b.count - a.count)
                .map((o) => (
                  <tr key={o.value}>
                    <th scope="row">{label(o.label, lang)}</th>
                    <td className="num">{num(o.count, lang)}</td>
                    <td className="num">{f.answered ? pct((o.count / f.answered) * 100, lang, 1) : '—'}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        ))}
    </div>
  );
}
