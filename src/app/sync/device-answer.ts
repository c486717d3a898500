// What GET /api/v1/device and the heartbeat answer, kept on the tablet: the site, its enumerators (with their PIN
// hashes, checked offline) and its most used procedures. Read as unknown: an older or newer server may differ.
import type { EnumeratorJson } from '../../core/protocol/devices';
import { getSetting, type DeviceSetup } from '../store/settings';
import { getEnrolmentInfo, putEnrolmentInfo, type KnownProcedure } from './sync-settings';

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** The site's known procedures as the server lists them; anything unreadable (an older server: none) is left out. */
function knownProcedures(v: unknown): KnownProcedure[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((p: { code?: unknown; name?: unknown } | null) =>
    p && isText(p.code) ? [{ code: p.code.slice(0, 64), name: typeof p.name === 'string' ? p.name.slice(0, 300) : '' }] : [],
  );
}

/**
 * The enumerators the tablet offers. A PIN hash in any other format than the tablet's own cannot be checked here:
 * such an enumerator is kept but marked as needing a new PIN, never offered as if they had none.
 */
function enumerators(v: unknown): EnumeratorJson[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((e: { id?: unknown; displayName?: unknown; pinHash?: unknown; pinResetNeeded?: unknown } | null): EnumeratorJson[] => {
    if (!e || !isText(e.id) || typeof e.displayName !== 'string') return [];
    const base = { id: e.id, displayName: e.displayName };
    if (e.pinResetNeeded === true) return [{ ...base, pinHash: null, pinResetNeeded: true }];
    if (e.pinHash === null || e.pinHash === undefined) return [{ ...base, pinHash: null }];
    if (isText(e.pinHash) && e.pinHash.startsWith('pbkdf2-sha256$')) return [{ ...base, pinHash: e.pinHash }];
    return [{ ...base, pinHash: null, pinResetNeeded: true }];
  });
}

/**
 * Stores the device answer as the tablet's enrolment info (what enrolment, "Update" and each sync's heartbeat learn);
 * an answer to a token the tablet no longer holds (enrolled again meanwhile) describes the old enrolment: dropped.
 */
export async function storeDeviceAnswer(answer: unknown, device: DeviceSetup): Promise<void> {
  if ((await getSetting('device'))?.token !== device.token) return;
  const d = (answer ?? {}) as { device?: { name?: unknown }; site?: unknown; enumerators?: unknown; procedures?: unknown };
  const prev = await getEnrolmentInfo();
  const site = d.site && isText((d.site as { id?: unknown }).id) ? (d.site as NonNullable<typeof prev>['site']) : prev?.site;
  if (!site) return;
  await putEnrolmentInfo({
    ...(prev ?? { deviceId: device.deviceId, deviceName: typeof d.device?.name === 'string' ? d.device.name : '' }),
    site,
    enumerators: enumerators(d.enumerators),
    procedures: knownProcedures(d.procedures),
    refreshedAt: new Date().toISOString(),
  });
}
