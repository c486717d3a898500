// Build time only (scripts/build-shells.mjs renders it into home.html): home's first frame, the status bar's name and
// the page's title, in Vietnamese, so `/` paints its title from the HTML alone (src/app/first-load.ts: English).
import { renderToStaticMarkup } from 'react-dom/server';
import common from '../i18n/locales/vi/common.json';
import tablet from '../i18n/locales/vi/tablet.json';
import { HOME_SHELL_TITLE } from '../first-load';

export function prerender(): string {
  return renderToStaticMarkup(
    <div className="app">
      <header className="status-bar">
        <span className="brand">{common.app.name}</span>
      </header>
      <main className="page" aria-labelledby="home-title">
        <h1 id="home-title" data-shell={HOME_SHELL_TITLE}>
          {tablet.home.title}
        </h1>
      </main>
    </div>,
  );
}
