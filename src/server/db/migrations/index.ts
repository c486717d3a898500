// The ordered list of migrations; names are dates so they sort in the order they were written.
import type { Migration } from 'kysely';
import * as initial from './2026-11-26-01-initial';
import * as rollups from './2026-11-26-02-rollups';
import * as administration from './2026-12-02-01-administration';
import * as authFailures from './2026-12-02-02-auth-failures';
import * as implausibleTimes from './2026-12-02-05-implausible-times';
import * as formLifecycle from './2026-12-02-06-form-lifecycle';
import * as responseExclusions from './2026-12-02-07-response-exclusions';
import * as kioskAlerts from './2026-12-02-08-kiosk-alerts';
import * as refusals from './2026-12-02-09-refusals';
import * as sampleTargets from './2026-12-02-10-sample-targets';
import * as deviceClock from './2026-12-04-11-device-clock';

export const migrations: Record<string, Migration> = {
  '2026-11-26-01-initial': initial,
  '2026-11-26-02-rollups': rollups,
  '2026-12-02-01-administration': administration,
  '2026-12-02-02-auth-failures': authFailures,
  '2026-12-02-05-implausible-times': implausibleTimes,
  '2026-12-02-06-form-lifecycle': formLifecycle,
  '2026-12-02-07-response-exclusions': responseExclusions,
  '2026-12-02-08-kiosk-alerts': kioskAlerts,
  '2026-12-02-09-refusals': refusals,
  '2026-12-02-10-sample-targets': sampleTargets,
  '2026-12-04-11-device-clock': deviceClock,
};
