// A figure's value as a bar with its 95% interval drawn over it, so width of uncertainty is seen, not only read.
import type { Figure } from '../../core/protocol/scores';

export function FigureBar({ figure, scaleFrom = 50 }: { figure: Figure; scaleFrom?: number }) {
  if (figure.value === null) return <div className="sv-bar sv-bar-empty" aria-hidden="true" />;
  // Indices live between ~60 and 100: starting the scale at 50% makes differences visible without lying (axis is labelled in the tables).
  const at = (v: number) => `${Math.max(0, Math.min(100, ((v - scaleFrom) / (100 - scaleFrom)) * 100))}%`;
  return (
    <div className="sv-bar" aria-hidden="true">
      <div className={figure.smallSample ? 'sv-bar-fill sv-bar-small' : 'sv-bar-fill'} style={{ width: at(figure.value) }} />
      {figure.low !== null && figure.high !== null && (
        <div className="sv-bar-ci" style={{ left: at(figure.low), width: `calc(${at(figure.high)} - ${at(figure.low)})` }} />
      )}
    </div>
  );
}
