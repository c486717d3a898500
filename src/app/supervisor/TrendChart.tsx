// The daily trend of the index with its 95% band (uPlot, loaded only with the supervisor screens), plus the same data as a table.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatNumber } from '../../core/format';
import { addDays } from '../../core/protocol/period';
import type { Group } from '../../core/protocol/scores';
import { FigureHeadCells } from './FigureCells';
import { day, interval, num, pct, shortDay } from './format';

const GREEN = '#0b6e4f';

function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 400; d = addDays(d, 1)) out.push(d);
  return out;
}

export function TrendChart({ groups, from, to, kiosk }: { groups: Group[]; from: string; to: string; kiosk: boolean }) {
  const { t, i18n } = useTranslation('supervisor');
  const lang = i18n.language;
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const byDay = new Map(groups.map((g) => [g.key, g]));
  const days = daysBetween(from, to);
  const withData = groups.filter((g) => g.value !== null);

  useEffect(() => {
    const el = box.current;
    if (!el || width < 100 || withData.length === 0) return;
    // Days without a figure stay gaps (null), so the line never invents a value.
    const xs = days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
    const val = days.map((d) => byDay.get(d)?.value ?? null);
    const low = days.map((d) => byDay.get(d)?.low ?? null);
    const high = days.map((d) => byDay.get(d)?.high ?? null);
    const finite = [...low, ...val].filter((v): v is number => v !== null);
    const yMin = Math.max(0, Math.floor((Math.min(...finite) - 2) / 5) * 5);
    const opts: uPlot.Options = {
      width,
      height: 300,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'UTC'),
      legend: { show: false },
      cursor: { points: { size: 8 } },
      scales: { x: { time: true }, y: { range: [yMin, 100] } },
      axes: [
        {
          label: t('trend.xAxis'),
          labelSize: 22,
          values: (_u, ticks) => ticks.map((ts) => shortDay(new Date(ts * 1000).toISOString().slice(0, 10))),
          grid: { stroke: '#e6eaee' },
          font: '13px system-ui, sans-serif',
          labelFont: '13px system-ui, sans-serif',
        },
        {
          label: t(kiosk ? 'trend.yAxisKiosk' : 'trend.yAxis'),
          labelSize: 22,
          size: 56,
          values: (_u, ticks) => ticks.map((v) => `${formatNumber(v, lang, 0)}%`),
          grid: { stroke: '#e6eaee' },
          font: '13px system-ui, sans-serif',
          labelFont: '13px system-ui, sans-serif',
        },
      ],
      series: [
        {},
        { label: t('trend.series'), stroke: GREEN, width: 2.5, points: { show: true, size: 6, fill: GREEN }, spanGaps: false },
        { label: t('trend.low'), stroke: 'rgba(11,110,79,0.25)', width: 1 },
        { label: t('trend.high'), stroke: 'rgba(11,110,79,0.25)', width: 1 },
      ],
      bands: [{ series: [3, 2], fill: 'rgba(11,110,79,0.12)' }],
    };
    const plot = new uPlot(opts, [xs, val, low, high], el);
    return () => plot.destroy();
    // byDay/days derive from groups/from/to.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [groups, from, to, width, lang, kiosk, t]);

  return (
    <div className="sv-trend-body">
      <div
        ref={box}
        className="sv-chart"
        role="img"
        aria-label={t('trend.aria', { from: day(from, lang), to: day(to, lang), count: withData.length })}
        data-testid="trend-chart"
      />
      {withData.length === 0 && <p className="muted sv-chart-empty">{t('trend.empty')}</p>}
      <p className="sv-legend muted">
        <span className="sv-legend-line" aria-hidden="true" /> {t('trend.series')}
        <span className="sv-legend-band" aria-hidden="true" /> {t('trend.band')}
      </p>
      <details className="sv-details">
        <summary>{t('trend.table')}</summary>
        <table className="sv-table">
          <thead>
            <tr>
              <th scope="col">{t('trend.xAxis')}</th>
              <FigureHeadCells valueLabel={t(kiosk ? 'trend.yAxisKiosk' : 'trend.yAxis')} />
            </tr>
          </thead>
          <tbody>
            {withData.map((g) => (
              <tr key={g.key}>
                <td>{day(g.key, lang)}</td>
                <td className="num">{pct(g.value, lang)}</td>
                <td className="num">{num(g.n, lang)}</td>
                <td className="num">{interval(g, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
