// A face drawn inline (SVG): mouth, eyes and brows differ per mood, so faces are told apart without colour.
import type { Mood } from './faces';

const FILL: Record<Mood, string> = { 0: '#f6b3ab', 1: '#f9cf9c', 2: '#fbe38e', 3: '#bfe3a4', 4: '#8fd6a8' };

const MOUTH: Record<Mood, string> = {
  0: 'M36 78 Q60 56 84 78',
  1: 'M38 76 Q60 64 82 76',
  2: 'M40 72 L80 72',
  3: 'M36 66 Q60 88 84 66',
  4: 'M32 62 Q60 62 88 62 Q84 94 60 94 Q36 94 32 62 Z',
};

export function Face({ mood, size = 160 }: { mood: Mood; size?: number }) {
  return (
    <svg className={`face face-mood-${mood}`} width={size} height={size} viewBox="0 0 120 120" aria-hidden="true" focusable="false">
      <circle cx="60" cy="60" r="56" fill={FILL[mood]} stroke="#1b1f23" strokeWidth="4" />
      {mood === 4 ? (
        <>
          <path d="M34 48 Q42 38 50 48" fill="none" stroke="#1b1f23" strokeWidth="5" strokeLinecap="round" />
          <path d="M70 48 Q78 38 86 48" fill="none" stroke="#1b1f23" strokeWidth="5" strokeLinecap="round" />
        </>
      ) : (
        <>
          <circle cx="42" cy="46" r="6" fill="#1b1f23" />
          <circle cx="78" cy="46" r="6" fill="#1b1f23" />
        </>
      )}
      {mood === 0 && (
        <>
          <path d="M30 34 L50 40" stroke="#1b1f23" strokeWidth="5" strokeLinecap="round" />
          <path d="M90 34 L70 40" stroke="#1b1f23" strokeWidth="5" strokeLinecap="round" />
        </>
      )}
      {mood === 4 ? (
        <path d={MOUTH[4]} fill="#1b1f23" stroke="#1b1f23" strokeWidth="4" strokeLinejoin="round" />
      ) : (
        <path d={MOUTH[mood]} fill="none" stroke="#1b1f23" strokeWidth="6" strokeLinecap="round" />
      )}
      {mood === 4 && <path d="M44 82 Q60 90 76 82 Q70 92 60 92 Q50 92 44 82 Z" fill="#e9707a" />}
    </svg>
  );
}
