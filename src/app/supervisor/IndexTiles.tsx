// The headline: the overall index (or kiosk share) and one tile per element, each with n, interval and the small-sample mark.
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../core/forms/schema';
import type { Compare } from '../../core/protocol/period';
import type { Figure, ScoresJson } from '../../core/protocol/scores';
import type { Change } from '../../core/scoring/compare';
import { ChangeNote } from './ChangeNote';
import { label } from '../i18n/label';
import { FigureBar } from './FigureBar';
import { interval, num, pct } from './format';
import { SmallSample } from './SmallSample';

function Tile({
  title,
  figure,
  big,
  testId,
  extra,
  share,
  change,
  compare,
}: {
  title: string;
  figure: Figure;
  big?: boolean;
  testId: string;
  extra?: string;
  share?: boolean;
  change?: Change;
  compare?: Compare;
}) {
  const { t, i18n } = useTranslation('supervisor');
  const lang = i18n.language;
  return (
    <article className={big ? 'sv-tile sv-tile-big' : 'sv-tile'} data-testid={testId}>
      <h3 className="sv-tile-title" title={title}>
        {title}
      </h3>
      <p className="sv-tile-value" data-testid={`${testId}-value`}>
        {figure.value === null ? <span className="muted">{t('figures.noData')}</span> : pct(figure.value, lang)}
      </p>
      <FigureBar figure={figure} scaleFrom={share ? 0 : 50} />
      <p className="sv-tile-meta">
        <span>n = {num(figure.n, lang)}</span>
        {figure.low !== null && <span>{t('figures.interval', { range: interval(figure, lang) })}</span>}
      </p>
      <SmallSample show={figure.smallSample} />
      {extra && <p className="sv-tile-extra muted">{extra}</p>}
      {compare && <ChangeNote change={change} compare={compare} testId={`${testId}-change`} />}
    </article>
  );
}

export function IndexTiles({ scores }: { scores: ScoresJson }) {
  const { t, i18n } = useTranslation('supervisor');
  const compare = scores.comparison?.compare;
  const lang = i18n.language;
  const text = (x: LocalizedText) => label(x, lang);
  if (scores.kiosk) {
    const k = scores.kiosk;
    return (
      <div className="sv-tiles">
        <Tile
          big
          testId="tile-overall"
          title={t('figures.kioskOverall')}
          figure={k.satisfied}
          compare={compare}
          change={scores.headline.change}
          extra={k.excludedMisuse ? t('figures.misuse', { count: k.excludedMisuse }) : undefined}
        />
        {k.distribution.map((d) => (
          <Tile
            key={d.level}
            testId={`tile-level-${d.level}`}
            share
            title={text(d.label)}
            figure={{ n: k.satisfied.n, value: d.share, low: null, high: null, smallSample: k.satisfied.smallSample }}
            extra={t('figures.ratings', { count: d.count })}
          />
        ))}
      </div>
    );
  }
  const index = scores.index;
  if (!index) return null;
  return (
    <div className="sv-tiles">
      <Tile big testId="tile-overall" title={t('figures.overall')} figure={index.overall} compare={compare} change={scores.headline.change} />
      {index.elements.map((e) => (
        <Tile key={e.elementId} testId={`tile-${e.elementId}`} title={`${e.elementId}. ${text(e.label)}`} figure={e} compare={compare} change={scores.comparison?.elements[e.elementId]} />
      ))}
    </div>
  );
}
