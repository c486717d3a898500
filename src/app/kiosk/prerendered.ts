// kiosk.html carries a static copy of the attract card (scripts/build-shells.mjs) so /kiosk paints before any
// script runs; it lies over the app until the kiosk's first real screen is committed, then goes.
export const PRERENDERED_ID = 'kiosk-prerendered';

/** Removes the static card; called in the layout effect of whatever screen replaces it, so no frame is empty. */
export function dropPrerenderedCard(): void {
  document.getElementById(PRERENDERED_ID)?.remove();
}
