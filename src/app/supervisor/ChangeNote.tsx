// A change against the baseline period as an arrow and words, never colour alone, and never without saying when the sample is small.
import { useTranslation } from 'react-i18next';
import type { Compare } from '../../core/protocol/period';
import type { Change } from '../../core/scoring/compare';
import { points as formatPoints } from './format';

type Direction = 'up' | 'down' | 'flat' | 'none';

/** Up, down or flat as a person reads it: a change that rounds to 0,00 points is no change. */
function direction(points: number | null): Direction {
  if (points === null) return 'none';
  const r = Math.round(points * 100) / 100;
  return r > 0 ? 'up' : r < 0 ? 'down' : 'flat';
}

const ARROW: Record<Direction, string> = { up: '↑', down: '↓', flat: '→', none: '–' };

/** The verdict key: a small sample is said first, whatever the test found. */
function verdictOf(change: Change): string {
  if (change.points === null) return 'noBaseline';
  if (change.smallSample) return 'small';
  if (change.beyondNoise === null) return 'untested';
  return `${change.beyondNoise ? 'beyond' : 'within'}_${change.test}`;
}

function useChangeWords() {
  const { t, i18n } = useTranslation('supervisor');
  const lang = i18n.language;
  return (points: number | null, compare: Compare) => {
    const dir = direction(points);
    const amount = points === null ? '' : formatPoints(Math.abs(points), lang);
    return { dir, arrow: ARROW[dir], words: dir === 'none' ? t('change.noBaseline') : t(`change.${dir}`, { points: amount }), against: t(`compare.against_${compare}`), amount };
  };
}

/**
 * compact: a short note for a table cell ("↑ 2,10 rõ rệt"), the full sentence for screen readers and on hover.
 * Otherwise two lines for a tile: the change in words against the baseline, then the verdict on noise.
 */
export function ChangeNote({ change, compare, compact = false, testId = 'change' }: { change: Change | undefined; compare: Compare; compact?: boolean; testId?: string }) {
  const { t } = useTranslation('supervisor');
  const words = useChangeWords();
  if (!change) return null;
  const w = words(change.points, compare);
  const verdict = verdictOf(change);
  const full = w.dir === 'none' ? `${t('change.noBaseline')} (${w.against})` : `${w.words} ${w.against}: ${t(`change.${verdict}`)}`;
  // Colour only for a change beyond noise: a green "up" within noise would say more than the figures do.
  const sure = verdict.startsWith('beyond');
  const cls = `sv-change sv-change-${w.dir}${sure ? ' sv-change-sure' : ''}${verdict === 'small' || verdict === 'untested' ? ' sv-change-unsure' : ''}`;
  if (compact) {
    return (
      <span className={cls} title={full} data-testid={testId} data-dir={w.dir}>
        <span aria-hidden="true">
          {w.dir === 'none' ? (
            `${w.arrow} ${t('change.short_noBaseline')}`
          ) : (
            <>
              <span className="sv-change-pts">
                {w.arrow} {w.amount}
              </span>{' '}
              <span className="sv-change-word">{t(`change.short_${verdict.split('_')[0]}`)}</span>
            </>
          )}
        </span>
        <span className="sr-only">{full}</span>
      </span>
    );
  }
  return (
    <p className={cls} data-testid={testId} data-dir={w.dir}>
      <span className="sv-change-dir">
        <span aria-hidden="true">{w.arrow} </span>
        {w.words}
      </span>{' '}
      <span className="sv-change-against">{w.against}</span>
      {w.dir !== 'none' && <span className="sv-change-verdict">{t(`change.${verdict}`)}</span>}
    </p>
  );
}

/** A unit mean's change: points only, for a mean of units carries no interval to test against. */
export function MeanChange({ points, compare }: { points: number | null; compare: Compare }) {
  const { t } = useTranslation('supervisor');
  const words = useChangeWords();
  const w = words(points, compare);
  const full = w.dir === 'none' ? `${t('change.noBaseline')} (${w.against})` : `${w.words} ${w.against} (${t('change.meanUntested')})`;
  return (
    <span className={`sv-change sv-change-${w.dir}`} title={full} data-testid="mean-change" data-dir={w.dir}>
      <span aria-hidden="true">
        {w.arrow} {w.dir === 'none' ? t('change.short_noBaseline') : w.amount}
      </span>
      <span className="sr-only">{full}</span>
    </span>
  );
}
