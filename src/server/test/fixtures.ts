// A small world for the server tests: two sites, their people and devices, and valid responses to any form.
import { getBuiltinForm } from '../../core/forms/builtin';
import type { FormDefinition, Item } from '../../core/forms/schema';
import { isVisible } from '../../core/forms/visibility';
import type { Refusal } from '../../core/protocol/refusals';
import { newResponseId } from '../../core/response/id';
import type { Answers, AnswerValue, ResponseInput } from '../../core/response/schema';
import { hashSecret, randomToken, sha256 } from '../auth/secrets';
import type { Db } from '../db/index';
import { createDevice } from '../db/queries/devices';
import { createSite } from '../db/queries/sites';
import { createUser } from '../db/queries/users';
import type { Site, User } from '../db/schema';

export const PASSWORD = 'correct horse battery';

export interface World {
  siteA: Site;
  siteB: Site;
  admin: User;
  supervisorA: User;
  enumeratorA: User;
  enumeratorB: User;
  deviceA: { id: string; token: string };
  deviceB: { id: string; token: string };
}

export async function seedWorld(db: Db, now = new Date()): Promise<World> {
  const siteA = await createSite(db, { code: 'HN-HK', name: 'Một cửa quận Hoàn Kiếm', kind: 'quan-huyen' }, now);
  const siteB = await createSite(db, { code: 'HN-STP', name: 'Sở Tư pháp Hà Nội', kind: 'so-nganh' }, now);
  const hash = await hashSecret(PASSWORD);
  const admin = await createUser(db, { username: 'admin', displayName: 'Quản trị', role: 'admin', passwordHash: hash }, now);
  const supervisorA = await createUser(db, { username: 'lan', displayName: 'Nguyễn Thị Lan', role: 'supervisor', passwordHash: hash, siteIds: [siteA.id] }, now);
  const enumeratorA = await createUser(db, { username: 'minh', displayName: 'Trần Văn Minh', role: 'enumerator', passwordHash: null, siteIds: [siteA.id] }, now);
  const enumeratorB = await createUser(db, { username: 'hoa', displayName: 'Lê Thị Hoa', role: 'enumerator', passwordHash: null, siteIds: [siteB.id] }, now);
  defaultEnumerators.set(siteA.id, enumeratorA.id);
  defaultEnumerators.set(siteB.id, enumeratorB.id);
  const deviceA = await addDevice(db, siteA.id, 'Máy tính bảng 1', now);
  const deviceB = await addDevice(db, siteB.id, 'Máy tính bảng STP', now);
  return { siteA, siteB, admin, supervisorA, enumeratorA, enumeratorB, deviceA, deviceB };
}

export async function addDevice(db: Db, siteId: string, name: string, now = new Date()): Promise<{ id: string; token: string }> {
  const token = randomToken();
  const id = newResponseId();
  await createDevice(db, { id, site_id: siteId, name, token_hash: sha256(token), created_at: now.toISOString() });
  return { id, token };
}

/**
 * An active enumerator of the site (the ingest takes no made-up ones); the site's responses name them unless told,
 * when it has none yet.
 */
export async function addEnumerator(db: Db, siteId: string, displayName: string, now = new Date()): Promise<User> {
  const user = await createUser(db, { username: `dtv-${newResponseId().slice(-12)}`, displayName, role: 'enumerator', passwordHash: null, siteIds: [siteId] }, now);
  if (!defaultEnumerators.has(siteId)) defaultEnumerators.set(siteId, user.id);
  return user;
}

function valueFor(item: Item, seed: number): AnswerValue | undefined {
  switch (item.type) {
    case 'likert5':
      return (seed % 5) + 1;
    case 'rating':
      return item.levels;
    case 'single':
      return item.options[seed % item.options.length].value;
    case 'multi':
      return [item.options[seed % item.options.length].value];
    case 'number':
      return item.min ?? 1;
    case 'text':
    case 'longtext':
      return item.required ? 'Tốt' : undefined;
  }
}

/** Answers to every item a person would see, in order, so showIf conditions hold as on a tablet. */
function answersFor(form: FormDefinition, seed = 3): Answers {
  const answers: Answers = {};
  let n = seed;
  for (const item of form.sections.flatMap((s) => s.items)) {
    if (!isVisible(form, item, answers)) continue;
    const v = valueFor(item, n++);
    if (v !== undefined) answers[item.id] = v;
  }
  return answers;
}

/** Site id → the enumerator a response of that site names unless told (the ingest refuses made-up ones). */
const defaultEnumerators = new Map<string, string>();

export interface ResponseOwner {
  siteId: string;
  deviceId: string;
  enumeratorId?: string | null;
}

/** A valid, completed response to a built-in form (sipas-2017 unless told) or to the definition given, ready to submit. */
export function makeResponse(owner: ResponseOwner, overrides: Partial<ResponseInput> = {}, formId: string | FormDefinition = 'sipas-2017', seed = 3): ResponseInput {
  const form = typeof formId === 'string' ? getBuiltinForm(formId)! : formId;
  const kiosk = form.kind === 'kiosk';
  const completed = new Date(Date.UTC(2026, 10, 26, 3, 0, 0) + seed * 1000);
  const started = new Date(completed.getTime() - 8 * 60_000);
  return {
    id: newResponseId(),
    formId: form.id,
    formVersion: form.version,
    mode: kiosk ? 'kiosk' : 'interview',
    siteId: owner.siteId,
    deviceId: owner.deviceId,
    enumeratorId: kiosk ? null : (owner.enumeratorId ?? defaultEnumerators.get(owner.siteId) ?? 'enumerator-1'),
    procedure: kiosk ? null : { code: '1.001234', name: 'Cấp giấy chứng nhận quyền sử dụng đất' },
    locale: 'vi',
    startedAt: started.toISOString().replace('Z', '+00:00'),
    completedAt: completed.toISOString().replace('Z', '+00:00'),
    answers: answersFor(form, seed),
    durationMs: Object.fromEntries(form.sections.map((s) => [s.id, 30_000])),
    flags: [],
    appVersion: '0.1.0',
    ...overrides,
  };
}

/** A valid refusal of a sipas-2017 interview (declined, on 2026-11-26 at 10:10 in Hà Nội), ready to submit. */
export function makeRefusal(owner: ResponseOwner, overrides: Partial<Refusal> = {}): Refusal {
  return {
    id: newResponseId(),
    formId: 'sipas-2017',
    formVersion: 1,
    siteId: owner.siteId,
    deviceId: owner.deviceId,
    enumeratorId: owner.enumeratorId ?? defaultEnumerators.get(owner.siteId) ?? 'enumerator-1',
    reason: 'declined',
    occurredAt: '2026-11-26T10:10:00.000+07:00',
    appVersion: '0.1.0',
    ...overrides,
  };
}
