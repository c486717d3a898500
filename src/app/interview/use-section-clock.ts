// Time spent on each section screen, added to the draft when the interviewer leaves it (or the tablet sleeps).
import { useEffect } from 'react';
import { addSectionTime } from '../store/drafts';

export function useSectionClock(draftId: string, sectionId: string | null): void {
  useEffect(() => {
    if (!sectionId) return;
    let since: number | null = performance.now();
    const stop = () => {
      if (since === null) return;
      const ms = performance.now() - since;
      since = null;
      void addSectionTime(draftId, sectionId, ms).catch(() => {});
    };
    // A screen left open while the tablet sleeps is not time spent interviewing.
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') stop();
      else if (since === null) since = performance.now();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', stop);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', stop);
      stop();
    };
  }, [draftId, sectionId]);
}
