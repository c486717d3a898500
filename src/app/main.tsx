// Entry point: lets the HTML's first screen (the app's name, the home title or the kiosk's attract card) paint, then starts the app.
// Its stylesheet is inlined into the HTML at build time (scripts/build-first-load.mjs), so it is imported here.
import './styles.css';
import { dropShellTitleUnlessVietnamese, preloadAfterPaint } from './first-load';

dropShellTitleUnlessVietnamese(document);

// Nothing of the app runs before that first screen is on the glass: on a slow tablet, React and the rest arriving
// while the page is still to be painted would run first and hold the paint back. The server's preload headers have
// them on the way meanwhile, except where the shell is the first screen: there they start once it has painted.
function afterFirstPaint(): Promise<void> {
  // A page opened in the background paints nothing until shown, and must not wait for that.
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    // The paint entry comes once the frame has been presented, a frame or two after requestAnimationFrame's: the
    // app's first task, started earlier, would still delay what the person sees.
    if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      requestAnimationFrame(go);
      return;
    }
    const seen = new PerformanceObserver((list) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      seen.disconnect();
      go();
    });
    seen.observe({ type: 'paint', buffered: true });
    // Every shell has text to paint; should a browser not report it, the app starts anyway.
    setTimeout(go, 1000);
  });
}

void afterFirstPaint().then(() => {
  preloadAfterPaint(document);
  return import('./boot');
});
