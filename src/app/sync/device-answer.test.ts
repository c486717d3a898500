// The device answer kept on a real Dexie (fake-indexeddb): enumerators with the PIN hashes the tablet can check, and
// never one whose PIN it cannot check offered as if they had none.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../store/db';
import { setSetting, type DeviceSetup } from '../store/settings';
import { storeDeviceAnswer } from './device-answer';
import { getEnrolmentInfo } from './sync-settings';

const DEVICE: DeviceSetup = { deviceId: 'dev-1', siteId: 'site-1', siteName: 'Một cửa Hồng Bàng', enumeratorId: '', enumeratorName: '', token: 'tok-1' };
const SITE = { id: 'site-1', code: 'HP-HB', name: 'Một cửa Hồng Bàng', kind: 'quan-huyen', timeZone: 'Asia/Ho_Chi_Minh' };
const HASH = 'pbkdf2-sha256$100000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=';

beforeEach(async () => {
  await db.settings.clear();
  await setSetting('device', DEVICE);
});

describe('the device answer', () => {
  it('keeps the site, the enumerators with their PIN state and the procedures', async () => {
    await storeDeviceAnswer(
      {
        device: { id: 'dev-1', name: 'Quầy 1' },
        site: SITE,
        enumerators: [
          { id: 'e1', displayName: 'Lan', pinHash: HASH },
          { id: 'e2', displayName: 'Minh', pinHash: null },
          { id: 'e3', displayName: 'Hoa', pinHash: null, pinResetNeeded: true },
          // An older server: no pinHash at all.
          { id: 'e4', displayName: 'Nam' },
          // A format this tablet cannot check: refused until reset, never "no PIN".
          { id: 'e5', displayName: 'Bình', pinHash: 'scrypt$16384$8$1$abc$def' },
          { id: '', displayName: 'no id' },
          null,
        ],
        procedures: [{ code: '1.001', name: 'Đăng ký khai sinh', uses: 3 }],
      },
      DEVICE,
    );
    const info = await getEnrolmentInfo();
    expect(info?.site).toEqual(SITE);
    expect(info?.deviceName).toBe('Quầy 1');
    expect(info?.enumerators).toEqual([
      { id: 'e1', displayName: 'Lan', pinHash: HASH },
      { id: 'e2', displayName: 'Minh', pinHash: null },
      { id: 'e3', displayName: 'Hoa', pinHash: null, pinResetNeeded: true },
      { id: 'e4', displayName: 'Nam', pinHash: null },
      { id: 'e5', displayName: 'Bình', pinHash: null, pinResetNeeded: true },
    ]);
    expect(info?.procedures).toEqual([{ code: '1.001', name: 'Đăng ký khai sinh' }]);
  });

  it('an answer to a token the tablet no longer holds is dropped', async () => {
    await storeDeviceAnswer({ site: SITE, enumerators: [] }, { ...DEVICE, token: 'old-token' });
    expect(await getEnrolmentInfo()).toBeUndefined();
  });

  it('an answer without a site keeps the site it had', async () => {
    await storeDeviceAnswer({ site: SITE, enumerators: [] }, DEVICE);
    await storeDeviceAnswer({ enumerators: [{ id: 'e1', displayName: 'Lan', pinHash: null }] }, DEVICE);
    const info = await getEnrolmentInfo();
    expect(info?.site).toEqual(SITE);
    expect(info?.enumerators).toHaveLength(1);
  });
});
