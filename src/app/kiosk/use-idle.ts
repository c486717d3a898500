// Idle detection for the kiosk: no touch or key for a while opens the "still there?" warning (WCAG 2.2.1).
import { useEffect, useRef, useState } from 'react';

export interface IdleState {
  /** Seconds left before the reset, or null while the person is active. */
  warningLeft: number | null;
  /** The one simple action that gives the person their full time again. */
  stillHere: () => void;
}

/**
 * After `idleSeconds` without pointerdown/keydown a warning counts `warningSeconds` down, then `onExpire`.
 * Deadlines are read from the clock, not counted in ticks, so a sleeping tablet cannot stretch them.
 */
export function useIdle(active: boolean, idleSeconds: number, warningSeconds: number, onExpire: () => void): IdleState {
  const [warningLeft, setWarningLeft] = useState<number | null>(null);
  const expire = useRef(onExpire);
  expire.current = onExpire;
  const warning = warningLeft !== null;

  useEffect(() => {
    if (!active || warning) return;
    let timer = window.setTimeout(() => setWarningLeft(warningSeconds), idleSeconds * 1000);
    const touched = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setWarningLeft(warningSeconds), idleSeconds * 1000);
    };
    window.addEventListener('pointerdown', touched, true);
    window.addEventListener('keydown', touched, true);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pointerdown', touched, true);
      window.removeEventListener('keydown', touched, true);
    };
  }, [active, warning, idleSeconds, warningSeconds]);

  useEffect(() => {
    if (!active || !warning) return;
    const deadline = Date.now() + warningSeconds * 1000;
    const tick = window.setInterval(() => {
      const left = Math.ceil((deadline - Date.now()) / 1000);
      if (left <= 0) {
        window.clearInterval(tick);
        expire.current();
      } else setWarningLeft(left);
    }, 250);
    return () => window.clearInterval(tick);
  }, [active, warning, warningSeconds]);

  return {
    warningLeft: active ? warningLeft : null,
    stillHere: () => setWarningLeft(null),
  };
}
