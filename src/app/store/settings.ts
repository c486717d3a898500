// Device settings kept in IndexedDB (not localStorage) so they survive with the data they describe.
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './db';
import { guardedWrite } from './errors';

export interface DeviceSetup {
  deviceId: string;
  siteId: string;
  siteName: string;
  enumeratorId: string;
  enumeratorName: string;
  /** Present once the tablet is enrolled with the endpoint. */
  token?: string;
  enrolledAt?: string;
}

export interface SettingsMap {
  device: DeviceSetup;
  language: 'vi' | 'en';
  supervisorPinHash: string;
  kioskMode: boolean;
  kioskMinIntervalSeconds: number;
  lastSyncAt: string;
  lastSyncError: string;
}

export async function getSetting<K extends keyof SettingsMap>(key: K): Promise<SettingsMap[K] | undefined> {
  return (await db.settings.get(key))?.value as SettingsMap[K] | undefined;
}

export function setSetting<K extends keyof SettingsMap>(key: K, value: SettingsMap[K]): Promise<string> {
  return guardedWrite(() => db.settings.put({ key, value }));
}

export function deleteSetting(key: keyof SettingsMap): Promise<void> {
  return guardedWrite(() => db.settings.delete(key));
}

/** undefined while loading, null when unset. */
export function useSetting<K extends keyof SettingsMap>(key: K): SettingsMap[K] | null | undefined {
  return useLiveQuery(async () => (await getSetting(key)) ?? null, [key]);
}
