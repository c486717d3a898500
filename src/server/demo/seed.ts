// Seeds a demo world (sites of the three kinds, people, tablets, ~5,000 responses over 30 days and ~2,000 on the same
// days a year earlier, for the comparison) through the real ingest path.
import { getBuiltinForm } from '../../core/forms/builtin';
import type { FormDefinition } from '../../core/forms/schema';
import { localDay } from '../../core/local-day';
import { rejection } from '../../core/protocol/problems';
import type { SiteKind } from '../../core/protocol/sites';
import type { ResponseInput } from '../../core/response/schema';
import { hashSecret, randomToken, sha256 } from '../auth/secrets';
import type { Db } from '../db/index';
import { createDevice, getDevice } from '../db/queries/devices';
import { listPublishedForms } from '../db/queries/forms';
import { countResponsesOfDevices } from '../db/queries/responses';
import { createSite, getSiteByCode } from '../db/queries/sites';
import { createUser, getUserByUsername } from '../db/queries/users';
import type { Site } from '../db/schema';
import { ingest, type Scope } from '../ingest/ingest';
import { ingestRefusals } from '../ingest/refusal';
import type { Refusal, RefusalReason } from '../../core/protocol/refusals';
import { idAt, makeInterview, makeRating, normal, pickSkewed, PROCEDURES, rng, type Rand, type SiteProfile } from './generate';

export interface DemoSite {
  code: string;
  name: string;
  kind: SiteKind;
  profile: SiteProfile;
}

export const DEMO_SITES: DemoSite[] = [
  { code: 'HP-STP', name: 'Sở Tư pháp', kind: 'so-nganh', profile: { base: 0.93, kioskUnhappy: 0.05, interviewsPerDay: 10, ratingsPerDay: 14, medianMinutes: 9 } },
  { code: 'HP-STNMT', name: 'Sở Tài nguyên và Môi trường', kind: 'so-nganh', profile: { base: 0.84, kioskUnhappy: 0.12, interviewsPerDay: 8, ratingsPerDay: 12, medianMinutes: 11 } },
  { code: 'HP-SKHDT', name: 'Sở Kế hoạch và Đầu tư', kind: 'so-nganh', profile: { base: 0.9, kioskUnhappy: 0.07, interviewsPerDay: 7, ratingsPerDay: 10, medianMinutes: 10 } },
  { code: 'HP-LC', name: 'UBND quận Lê Chân', kind: 'quan-huyen', profile: { base: 0.88, kioskUnhappy: 0.08, interviewsPerDay: 15, ratingsPerDay: 22, medianMinutes: 10 } },
  { code: 'HP-NQ', name: 'UBND quận Ngô Quyền', kind: 'quan-huyen', profile: { base: 0.91, kioskUnhappy: 0.06, interviewsPerDay: 13, ratingsPerDay: 20, medianMinutes: 9 } },
  { code: 'HP-TN', name: 'UBND huyện Thủy Nguyên', kind: 'quan-huyen', profile: { base: 0.8, kioskUnhappy: 0.15, interviewsPerDay: 12, ratingsPerDay: 16, medianMinutes: 12 } },
  { code: 'HP-LC-AB', name: 'UBND phường An Biên', kind: 'xa-phuong', profile: { base: 0.92, kioskUnhappy: 0.05, interviewsPerDay: 5, ratingsPerDay: 10, medianMinutes: 8 } },
  { code: 'HP-NQ-LT', name: 'UBND phường Lạch Tray', kind: 'xa-phuong', profile: { base: 0.87, kioskUnhappy: 0.09, interviewsPerDay: 5, ratingsPerDay: 8, medianMinutes: 8 } },
  // A small commune: few interviews a day, so its monthly figures carry the small-sample flag in places.
  { code: 'HP-TN-TS', name: 'UBND xã Thủy Sơn', kind: 'xa-phuong', profile: { base: 0.78, kioskUnhappy: 0.16, interviewsPerDay: 2, ratingsPerDay: 5, medianMinutes: 9 } },
];

export const DEMO_PASSWORDS = { admin: 'admin-demo-123', supervisor: 'giamsat-demo-123' } as const;

export interface DemoLogin {
  username: string;
  password: string;
  role: 'admin' | 'supervisor';
  sites: string;
}

export const DEMO_LOGINS: DemoLogin[] = [
  { username: 'admin', password: DEMO_PASSWORDS.admin, role: 'admin', sites: 'tất cả / all' },
  { username: 'giamsat', password: DEMO_PASSWORDS.supervisor, role: 'supervisor', sites: DEMO_SITES.map((s) => s.code).join(', ') },
  { username: 'giamsat.so', password: DEMO_PASSWORDS.supervisor, role: 'supervisor', sites: 'HP-STP, HP-STNMT, HP-SKHDT' },
  { username: 'giamsat.lechan', password: DEMO_PASSWORDS.supervisor, role: 'supervisor', sites: 'HP-LC, HP-LC-AB' },
];

const ENUMERATORS = [
  'Nguyễn Thị Hương', 'Trần Văn Nam', 'Lê Thị Mai', 'Phạm Quốc Huy', 'Hoàng Thị Thu', 'Vũ Đức Anh', 'Đặng Thị Ngọc', 'Bùi Văn Toàn',
  'Đỗ Thị Hạnh', 'Ngô Minh Khoa', 'Dương Thị Lan', 'Lý Văn Phúc', 'Trịnh Thị Yến', 'Mai Văn Tùng', 'Cao Thị Bích', 'Phan Văn Lộc',
  'Tạ Thị Hoa', 'Hồ Văn Dũng',
];

export interface DemoReport {
  sites: number;
  responsesCreated: number;
  responsesAlreadyThere: number;
  skipped: boolean;
  logins: DemoLogin[];
}

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3600_000;
const SEED = 20_261_126;

interface DemoWorld {
  sites: { site: Site; demo: DemoSite; devices: { interview: string; kiosk: string }; enumerators: string[] }[];
}

async function ensureWorld(db: Db, now: Date): Promise<DemoWorld> {
  const world: DemoWorld = { sites: [] };
  const supervisorHash = await hashSecret(DEMO_PASSWORDS.supervisor);
  let e = 0;
  for (const demo of DEMO_SITES) {
    const site = (await getSiteByCode(db, demo.code)) ?? (await createSite(db, { code: demo.code, name: demo.name, kind: demo.kind }, now));
    // Devices and enumerators get stable ids from the site code, so a re-run finds them instead of adding more.
    const devices = { interview: `demo-${demo.code.toLowerCase()}-tablet`, kiosk: `demo-${demo.code.toLowerCase()}-kiosk` };
    for (const [id, name] of [[devices.interview, 'Máy tính bảng phỏng vấn'], [devices.kiosk, 'Máy tự đánh giá tại quầy']] as const) {
      const exists = await getDevice(db, id);
      // Enrolled 400 days ago: a demo response, last year's included, is never older than its tablet (that would read as a wrong clock).
      if (!exists) await createDevice(db, { id, site_id: site.id, name, token_hash: sha256(randomToken()), created_at: new Date(now.getTime() - 400 * DAY_MS).toISOString() });
    }
    const count = demo.profile.interviewsPerDay >= 10 ? 3 : 2;
    const enumerators: string[] = [];
    for (let i = 0; i < count; i++) {
      const username = `dtv.${demo.code.toLowerCase()}.${i + 1}`;
      const existing = await getUserByUsername(db, username);
      const user =
        existing ??
        (await createUser(db, { username, displayName: ENUMERATORS[e % ENUMERATORS.length] as string, role: 'enumerator', passwordHash: null, siteIds: [site.id] }, now));
      e++;
      enumerators.push(user.id);
    }
    world.sites.push({ site, demo, devices, enumerators });
  }
  const byCode = new Map(world.sites.map((s) => [s.demo.code, s.site.id]));
  const adminHash = await hashSecret(DEMO_PASSWORDS.admin);
  for (const login of DEMO_LOGINS) {
    if (await getUserByUsername(db, login.username)) continue;
    const siteIds = login.role === 'admin' ? [] : login.sites.split(',').map((c) => byCode.get(c.trim()) as string);
    await createUser(
      db,
      {
        username: login.username,
        displayName: login.role === 'admin' ? 'Quản trị hệ thống' : login.username === 'giamsat' ? 'Nguyễn Văn Giám' : login.username === 'giamsat.so' ? 'Trần Thị Sở' : 'Lê Văn Chân',
        role: login.role,
        passwordHash: login.role === 'admin' ? adminHash : supervisorHash,
        siteIds,
      },
      now,
    );
  }
  return world;
}

interface Planned {
  response: ResponseInput;
  /** When the server got it (the batch it travelled in). */
  receivedMs: number;
}

/** Midnight (UTC ms) that starts the Vietnamese day `daysAgo` before `now`. */
function vnMidnight(now: Date, daysAgo: number): number {
  const vnNow = now.getTime() + VN_OFFSET_MS;
  return Math.floor(vnNow / DAY_MS) * DAY_MS - daysAgo * DAY_MS - VN_OFFSET_MS;
}

/** Office hours: 7:30–11:30 and 13:30–17:00 local time. */
function officeTime(rand: Rand, midnight: number): number {
  const morning = rand() < 0.58;
  const startH = morning ? 7.5 : 13.5;
  const spanH = morning ? 4 : 3.5;
  return midnight + Math.round((startH + rand() * spanH) * 3600_000);
}

// The commune was smaller still: well under 30 interviews in those 30 days whichever weekdays they span (at 0.4 of
// today's volume it was ~27 ± 5, over or under 30 by the date), so its change always says the sample was small.
const SMALL_LAST_YEAR = { smallAt: 'HP-TN-TS', smallVolume: 0.2 } as const;

/**
 * The same 30 days a year earlier, as a city report compares with: a smaller sample (the city's report says this year's
 * was 2.5 times larger) and a little less satisfied, except at one site whose score fell since.
 */
const LAST_YEAR = { daysBack: 365, volume: 0.4, baseShift: -0.11, fellAt: 'HP-SKHDT', ...SMALL_LAST_YEAR } as const;

function planDemoResponses(world: DemoWorld, now: Date, days = 30, history?: typeof LAST_YEAR): Planned[] {
  const rand = rng(history ? SEED + 1 : SEED);
  const back = history?.daysBack ?? 0;
  const interviewForm = getBuiltinForm('sipas-2017') as FormDefinition;
  const kioskForm = getBuiltinForm('desk-rating') as FormDefinition;
  const nowMs = now.getTime();
  const planned: Planned[] = [];
  // The day one tablet's clock ran two hours ahead: a working day about a week back.
  const skewDay = [6, 7, 8, 9].find((d) => {
    const wd = new Date(vnMidnight(now, d) + VN_OFFSET_MS).getUTCDay();
    return wd >= 1 && wd <= 5;
  });
  for (const [siteIndex, s] of world.sites.entries()) {
    const shift = history ? (s.demo.code === history.fellAt ? 0.04 : history.baseShift) : 0;
    const p = history
      ? { ...s.demo.profile, base: s.demo.profile.base + shift, kioskUnhappy: Math.max(0.01, s.demo.profile.kioskUnhappy - shift), interviewsPerDay: s.demo.profile.interviewsPerDay * (s.demo.code === history.smallAt ? history.smallVolume : history.volume), ratingsPerDay: s.demo.profile.ratingsPerDay * history.volume }
      : s.demo.profile;
    const leans = s.enumerators.map(() => normal(rand) * 0.025);
    for (let d = days - 1; d >= 0; d--) {
      const midnight = vnMidnight(now, d + back);
      const weekday = new Date(midnight + VN_OFFSET_MS).getUTCDay();
      if (weekday === 0) continue; // closed on Sunday; Saturday mornings are open at many desks
      const saturday = weekday === 6;
      const progress = (days - 1 - d) / (days - 1);
      const scale = saturday ? 0.45 : 0.93 + rand() * 0.5;
      // A tablet in the commune was offline for four days; its interviews arrived together afterwards.
      const offline = !history && s.demo.code === 'HP-TN-TS' && d >= 9 && d <= 12;
      // One tablet's clock ran two hours ahead for a day.
      const skewed = !history && siteIndex === 5 && d === skewDay ? 2 * 3600_000 : 0;
      const interviews = Math.max(0, Math.round(p.interviewsPerDay * scale + normal(rand)));
      for (let i = 0; i < interviews; i++) {
        const completedMs = officeTime(rand, midnight);
        if (completedMs > nowMs - 5 * 60_000) continue;
        const who = Math.floor(rand() * s.enumerators.length);
        const r = rand();
        const kind = r < 0.018 ? 'too-fast' : r < 0.03 ? 'straight' : 'normal';
        const response = makeInterview(rand, {
          form: interviewForm,
          siteId: s.site.id,
          deviceId: s.devices.interview,
          enumeratorId: s.enumerators[who] as string,
          procedure: pickSkewed(rand, PROCEDURES[s.demo.kind]),
          completedMs,
          profile: p,
          progress,
          lean: leans[who] as number,
          kind,
          clockOffsetMs: skewed,
        });
        const receivedMs = offline ? vnMidnight(now, 8) + 8.5 * 3600_000 : Math.min(nowMs, completedMs + 60_000 + Math.floor(rand() * 180_000));
        planned.push({ response, receivedMs });
      }
      const ratings = Math.max(0, Math.round(p.ratingsPerDay * scale + normal(rand) * 1.5));
      let last = 0;
      for (let i = 0; i < ratings; i++) {
        const completedMs = officeTime(rand, midnight);
        if (completedMs > nowMs - 5 * 60_000) continue;
        // Now and then someone presses twice: the second rating lands 2 s after the first and is flagged.
        const misuse = last > 0 && rand() < 0.03;
        const at = misuse ? last + 2_000 : completedMs;
        const response = makeRating(rand, { form: kioskForm, siteId: s.site.id, deviceId: s.devices.kiosk, completedMs: at, profile: p, progress, misuse });
        last = at;
        planned.push({ response, receivedMs: Math.min(nowMs, at + 30_000 + Math.floor(rand() * 60_000)) });
      }
    }
  }
  return planned;
}

/** Of every ten people asked, this many at each site say no (or may not take part), by site code; others one in ten. */
const REFUSAL_SHARE: Record<string, number> = { 'HP-STNMT': 0.2, 'HP-LC': 0.14, 'HP-TN-TS': 0.06 };

/**
 * People asked but not interviewed over the last 30 days, from a stream of their own (the responses stay exactly as
 * before): mostly a "no" to taking part, some without their result yet, a few under 18.
 */
function planDemoRefusals(world: DemoWorld, now: Date, days = 30): { refusal: Refusal; receivedMs: number }[] {
  const rand = rng(SEED + 7);
  const nowMs = now.getTime();
  const out: { refusal: Refusal; receivedMs: number }[] = [];
  for (const s of world.sites) {
    const share = REFUSAL_SHARE[s.demo.code] ?? 0.1;
    const perDay = (s.demo.profile.interviewsPerDay * share) / (1 - share);
    for (let d = days - 1; d >= 0; d--) {
      const midnight = vnMidnight(now, d);
      if (new Date(midnight + VN_OFFSET_MS).getUTCDay() === 0) continue;
      // A fraction of a refusal a day is one on that many days: what stays over is a chance.
      const n = Math.floor(perDay * (0.6 + rand() * 0.8) + rand());
      for (let i = 0; i < n; i++) {
        const at = officeTime(rand, midnight);
        if (at > nowMs - 5 * 60_000) continue;
        const r = rand();
        const reason: RefusalReason = r < 0.6 ? 'declined' : r < 0.85 ? 'no-result' : 'not-adult';
        const refusal: Refusal = {
          id: idAt(at, rand),
          formId: 'sipas-2017',
          formVersion: 1,
          siteId: s.site.id,
          deviceId: s.devices.interview,
          enumeratorId: s.enumerators[Math.floor(rand() * s.enumerators.length)] as string,
          reason,
          occurredAt: new Date(at + VN_OFFSET_MS).toISOString().replace('Z', '+07:00'),
          appVersion: 'demo',
        };
        out.push({ refusal, receivedMs: Math.min(nowMs, at + 60_000) });
      }
    }
  }
  return out;
}

function scopeFor(world: DemoWorld): Scope {
  const tz = new Map(world.sites.map((s) => [s.site.id, s.site.time_zone]));
  const deviceSite = new Map(world.sites.flatMap((s) => [[s.devices.interview, s.site.id], [s.devices.kiosk, s.site.id]] as [string, string][]));
  return {
    check: (r) => (deviceSite.get(r.deviceId) === r.siteId ? null : rejection.deviceNotOfSite({ deviceId: r.deviceId, siteId: r.siteId })),
    timeZoneOf: (siteId) => tz.get(siteId) ?? 'Asia/Ho_Chi_Minh',
  };
}

/**
 * Seeds the demo. Idempotent: sites, people and devices are found by code, name or id; responses are
 * generated only while the demo tablets have none, and their ids are deterministic, so an interrupted
 * run finished later stores each response once.
 */
export async function seedDemo(db: Db, opts: { now?: Date; force?: boolean; log?: (line: string) => void } = {}): Promise<DemoReport> {
  const now = opts.now ?? new Date();
  const log = opts.log ?? (() => {});
  const world = await ensureWorld(db, now);
  const demoDevices = world.sites.flatMap((s) => [s.devices.interview, s.devices.kiosk]);
  const already = await countResponsesOfDevices(db, demoDevices);
  if (already > 0 && !opts.force) {
    log(`The demo tablets already have ${already} responses: none added.`);
    return { sites: world.sites.length, responsesCreated: 0, responsesAlreadyThere: already, skipped: true, logins: DEMO_LOGINS };
  }
  const planned = [...planDemoResponses(world, now), ...planDemoResponses(world, now, 30, LAST_YEAR)];
  const forms = new Map((await listPublishedForms(db)).map((f) => [`${f.id}@${f.version}`, f]));
  const scope = scopeFor(world);
  // Batches as tablets send them: per device and moment of receipt, at most 100 each.
  const batches = new Map<string, Planned[]>();
  for (const p of planned) {
    const slot = Math.floor(p.receivedMs / (15 * 60_000));
    const key = `${p.response.deviceId}|${slot}`;
    let list = batches.get(key);
    if (!list) batches.set(key, (list = []));
    list.push(p);
  }
  let created = 0;
  let duplicates = 0;
  const problems: string[] = [];
  for (const list of batches.values()) {
    for (let i = 0; i < list.length; i += 100) {
      const chunk = list.slice(i, i + 100);
      const receivedAt = new Date(Math.max(...chunk.map((c) => c.receivedMs)));
      const verdicts = await ingest(db, chunk.map((c) => c.response), scope, forms, receivedAt);
      for (const v of verdicts) {
        if (v.status === 'accepted') created++;
        else if (v.status === 'duplicate') duplicates++;
        else problems.push(`${v.id}: ${v.status} ${v.reason ?? ''}`);
      }
    }
  }
  // Refusals as tablets send them too, by the same judgement (stored once: their ids are deterministic as well).
  let refusals = 0;
  const plannedRefusals = planDemoRefusals(world, now);
  for (let i = 0; i < plannedRefusals.length; i += 100) {
    const chunk = plannedRefusals.slice(i, i + 100);
    const verdicts = await ingestRefusals(db, chunk.map((c) => c.refusal), scope, forms, new Date(Math.max(...chunk.map((c) => c.receivedMs))));
    for (const v of verdicts) {
      if (v.status === 'accepted') refusals++;
      else if (v.status !== 'duplicate') problems.push(`${v.id}: refusal ${v.status} ${v.reason ?? ''}`);
    }
  }
  if (problems.length) throw new Error(`the demo data was refused (${problems.length}):\n${problems.slice(0, 5).join('\n')}`);
  log(`Stored ${created} responses over the last 30 days (${localDay(vnMidnight(now, 29) + VN_OFFSET_MS)} – ${localDay(now)}) and the same days a year earlier${duplicates ? `, ${duplicates} were already there` : ''}, and ${refusals} refusals.`);
  return { sites: world.sites.length, responsesCreated: created, responsesAlreadyThere: already + duplicates, skipped: false, logins: DEMO_LOGINS };
}
