// Which chunks a page fetches itself once its shell has painted: the HTML's list for the route it opened.
import { describe, expect, it } from 'vitest';
import { afterPaintFiles } from './first-load';

const listed = JSON.stringify([
  { path: '^/kiosk', files: ['assets/index-1.js', 'assets/KioskScreen-2.js'] },
  { path: '^/$', files: ['assets/index-1.js', 'assets/Home-3.js', 'assets/screens-4.css'] },
]);

describe('the chunks fetched after the first paint', () => {
  it("are the opened route's, the first route that matches", () => {
    expect(afterPaintFiles(listed, '/')).toEqual(['assets/index-1.js', 'assets/Home-3.js', 'assets/screens-4.css']);
    expect(afterPaintFiles(listed, '/kiosk')).toEqual(['assets/index-1.js', 'assets/KioskScreen-2.js']);
  });

  it('are none on a route the server sends them with (not listed), or when the HTML has no list', () => {
    expect(afterPaintFiles(listed, '/interview/0197-abc')).toEqual([]);
    expect(afterPaintFiles(listed, '/settings')).toEqual([]);
    expect(afterPaintFiles(null, '/')).toEqual([]);
  });

  it('are none when the list is broken: the app still loads, only without the head start', () => {
    expect(afterPaintFiles('[{"path": "^/$", "files": [', '/')).toEqual([]);
  });
});
