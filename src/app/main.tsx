// Entry point: lets the HTML's first screen (the app's name, or the kiosk's attract card) paint, then starts the app.
// Its stylesheet is inlined into the HTML at build time (scripts/build-first-load.mjs), so it is imported here.
import './styles.css';

// Nothing of the app runs before that first frame: on a slow tablet, React and the rest arriving while the page is
// still to be painted would run first and hold the paint back. The server's preload headers have them on the way.
function afterFirstPaint(): Promise<void> {
  // A page opened in the background paints nothing until shown, and must not wait for that.
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

void afterFirstPaint().then(() => import('./boot'));
