// Plausible, deterministic survey data: sites that differ, people who mostly agree with themselves, a few bad interviews.
import type { FormDefinition, Item } from '../../core/forms/schema';
import { isVisible } from '../../core/forms/visibility';
import type { Answers, ResponseInput } from '../../core/response/schema';
import { v7 } from 'uuid';

/** mulberry32: small, fast and the same on every machine, so a re-run makes the same ids. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;

export function pick<T>(rand: Rand, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

/** Zipf-like choice: the first entries are the common ones, as with procedures at a desk. */
export function pickSkewed<T>(rand: Rand, list: readonly T[]): T {
  const i = Math.floor(list.length * Math.pow(rand(), 2.2));
  return list[Math.min(i, list.length - 1)] as T;
}

export function normal(rand: Rand): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** A UUIDv7 for the instant, with random bits from the seeded generator (deterministic). */
/** A UUIDv7 at that moment with random bits from the demo's seeded stream: the same run makes the same ids. */
export function idAt(ms: number, rand: Rand): string {
  const random = new Uint8Array(16);
  for (let i = 0; i < 16; i++) random[i] = Math.floor(rand() * 256);
  return v7({ msecs: ms, random });
}

/** ISO 8601 in Vietnam's offset (+07:00), as a tablet at the desk writes it. */
function isoVn(ms: number): string {
  return new Date(ms + 7 * 3600_000).toISOString().replace('Z', '+07:00');
}

export interface Procedure {
  code: string;
  name: string;
}

/** Common administrative procedures by kind of site (codes in the national format; for demonstration). */
export const PROCEDURES: Record<'so-nganh' | 'quan-huyen' | 'xa-phuong', Procedure[]> = {
  'so-nganh': [
    { code: '2.000488', name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam' },
    { code: '1.004227', name: 'Cấp giấy chứng nhận quyền sử dụng đất lần đầu' },
    { code: '2.001610', name: 'Đăng ký thành lập doanh nghiệp tư nhân' },
    { code: '1.001612', name: 'Đăng ký thay đổi nội dung đăng ký doanh nghiệp' },
    { code: '1.003348', name: 'Cấp giấy phép khai thác nước dưới đất' },
    { code: '2.000815', name: 'Cấp bản sao trích lục hộ tịch' },
    { code: '1.008901', name: 'Thẩm định báo cáo đánh giá tác động môi trường' },
  ],
  'quan-huyen': [
    { code: '1.000775', name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ' },
    { code: '1.001045', name: 'Đăng ký biến động quyền sử dụng đất' },
    { code: '2.000720', name: 'Cấp giấy chứng nhận đăng ký hộ kinh doanh' },
    { code: '1.003005', name: 'Chứng thực bản sao từ bản chính' },
    { code: '2.001023', name: 'Đăng ký khai sinh có yếu tố nước ngoài' },
    { code: '1.004873', name: 'Cấp giấy phép kinh doanh bán lẻ rượu' },
  ],
  'xa-phuong': [
    { code: '1.001193', name: 'Đăng ký khai sinh' },
    { code: '1.000894', name: 'Đăng ký kết hôn' },
    { code: '1.003005', name: 'Chứng thực bản sao từ bản chính' },
    { code: '1.001022', name: 'Đăng ký khai tử' },
    { code: '2.000635', name: 'Chứng thực chữ ký trong giấy tờ, văn bản' },
    { code: '1.004884', name: 'Xác nhận tình trạng hôn nhân' },
  ],
};

const COMMENTS = [
  'Cán bộ hướng dẫn tận tình, chu đáo.',
  'Thời gian chờ đợi còn lâu, nên bố trí thêm quầy.',
  'Nơi ngồi chờ chật, mùa hè rất nóng.',
  'Thủ tục nhanh gọn hơn năm trước.',
  'Đề nghị niêm yết rõ mức phí, lệ phí.',
  'Máy lấy số thứ tự hay bị lỗi.',
  'Hài lòng với thái độ phục vụ của công chức.',
  'Nên có thêm hướng dẫn nộp hồ sơ trực tuyến.',
  'Phải đi lại hai lần vì thiếu giấy tờ mà không được báo trước.',
  'Rất tốt, cảm ơn cán bộ một cửa.',
];

const KIOSK_COMMENTS = ['Chờ lâu quá.', 'Cán bộ chưa nhiệt tình.', 'Không rõ phải nộp thêm giấy tờ gì.', 'Phải đi lại nhiều lần.'];

/** How satisfied people are at a site: the base share satisfied and how each element departs from it. */
export interface SiteProfile {
  base: number;
  kioskUnhappy: number;
  interviewsPerDay: number;
  ratingsPerDay: number;
  medianMinutes: number;
}

const ELEMENT_SHIFT: Record<string, number> = { E1: -0.03, E2: 0.01, E3: 0.025, E4: 0.035, E5: -0.09 };

function clamp01(x: number): number {
  return Math.min(0.995, Math.max(0.02, x));
}

function likert(rand: Rand, p: number): number {
  if (rand() < p) return rand() < 0.45 ? 5 : 4;
  const r = rand();
  return r < 0.65 ? 3 : r < 0.92 ? 2 : 1;
}

export interface InterviewSpec {
  form: FormDefinition;
  siteId: string;
  deviceId: string;
  enumeratorId: string;
  procedure: Procedure;
  completedMs: number;
  profile: SiteProfile;
  /** 0 at the start of the period, 1 at its end: scores improve a little over the month. */
  progress: number;
  /** Enumerator's own lean (some interviewers get kinder answers). */
  lean: number;
  kind: 'normal' | 'too-fast' | 'straight';
  /** Device clock minus true time (ms); non-zero for a tablet with a wrong clock. */
  clockOffsetMs?: number;
}

function demographicValue(rand: Rand, item: Extract<Item, { type: 'single' }>): string {
  const weights: Record<string, number[]> = {
    gender: [0.48, 0.52],
    age: [0.14, 0.27, 0.33, 0.17, 0.09],
    ethnicity: [0.93, 0.07],
    education: [0.06, 0.14, 0.31, 0.19, 0.28, 0.02],
    occupation: [0.1, 0.06, 0.34, 0.04, 0.24, 0.2, 0.02],
    residence: [0.68, 0.32],
  };
  const w = weights[item.id];
  if (!w) return pick(rand, item.options).value;
  let r = rand();
  for (let i = 0; i < w.length; i++) {
    r -= w[i] as number;
    if (r <= 0) return (item.options[i] ?? item.options[0])!.value;
  }
  return item.options[item.options.length - 1]!.value;
}

export function makeInterview(rand: Rand, s: InterviewSpec): ResponseInput {
  const answers: Answers = {};
  const person = normal(rand) * 0.08;
  const straightValue = rand() < 0.7 ? 5 : 4;
  for (const item of s.form.sections.flatMap((x) => x.items)) {
    if (!isVisible(s.form, item, answers)) continue;
    switch (item.type) {
      case 'likert5': {
        if (s.kind === 'straight') {
          answers[item.id] = straightValue;
          break;
        }
        const el = item.element ?? 'E1';
        const naRate = el === 'E5' ? 0.12 : 0.02;
        if (rand() < naRate) {
          answers[item.id] = 'na';
          break;
        }
        const p = clamp01(s.profile.base + (ELEMENT_SHIFT[el] ?? 0) + 0.04 * s.progress + s.lean + person);
        answers[item.id] = likert(rand, p);
        break;
      }
      case 'single':
        answers[item.id] = demographicValue(rand, item);
        break;
      case 'multi': {
        const n = 1 + Math.floor(rand() * Math.min(3, item.max ?? 3));
        const chosen = new Set<string>();
        // People name the weakest elements first: feedback handling and access.
        while (chosen.size < n) chosen.add(rand() < 0.5 ? pick(rand, ['E5', 'E1', 'E2']) : pick(rand, item.options).value);
        answers[item.id] = item.options.map((o) => o.value).filter((v) => chosen.has(v));
        break;
      }
      case 'text':
        if (item.id === 'occupation-other') answers[item.id] = pick(rand, ['Nông dân', 'Lái xe công nghệ', 'Nội trợ']);
        break;
      case 'longtext':
        if (rand() < 0.16) answers[item.id] = pick(rand, COMMENTS);
        break;
      default:
        break;
    }
  }
  const minutes =
    s.kind === 'too-fast' ? 1.5 + rand() * 2 : Math.max(3.5, s.profile.medianMinutes * Math.exp(normal(rand) * 0.22));
  const offset = s.clockOffsetMs ?? 0;
  const completed = s.completedMs + offset;
  const started = completed - Math.round(minutes * 60_000);
  const sectionIds = s.form.sections.map((x) => x.id);
  const perSection = Math.round((minutes * 60_000) / sectionIds.length);
  return {
    id: idAt(started, rand),
    formId: s.form.id,
    formVersion: s.form.version,
    mode: 'interview',
    siteId: s.siteId,
    deviceId: s.deviceId,
    enumeratorId: s.enumeratorId,
    procedure: s.procedure,
    locale: 'vi',
    startedAt: isoVn(started),
    completedAt: isoVn(completed),
    answers,
    durationMs: Object.fromEntries(sectionIds.map((id) => [id, perSection])),
    flags: [],
    appVersion: '0.1.0',
  };
}

export interface RatingSpec {
  form: FormDefinition;
  siteId: string;
  deviceId: string;
  completedMs: number;
  profile: SiteProfile;
  progress: number;
  misuse: boolean;
}

export function makeRating(rand: Rand, s: RatingSpec): ResponseInput {
  if (s.form.kind !== 'kiosk') throw new Error('a rating needs a kiosk form');
  const unhappy = Math.max(0.01, s.profile.kioskUnhappy - 0.03 * s.progress);
  const r = rand();
  const level = r < unhappy ? 1 : r < unhappy + (1 - unhappy) * 0.42 ? 2 : 3;
  const answers: Answers = { [s.form.kiosk.ratingItem]: level };
  const flags: ('kiosk-misuse' | 'followup-unanswered')[] = [];
  if (s.misuse) flags.push('kiosk-misuse');
  if (level <= s.form.kiosk.followUpAtMost) {
    if (rand() < 0.18) flags.push('followup-unanswered');
    else {
      const reasons = s.form.sections.flatMap((x) => x.items).find((i) => i.id === 'reasons');
      if (reasons?.type === 'multi') {
        const n = 1 + Math.floor(rand() * 2);
        const chosen = new Set<string>();
        while (chosen.size < n) chosen.add(pickSkewed(rand, ['waiting-time', 'trips', 'guidance', 'attitude', 'publicity', 'fees', 'other']));
        answers.reasons = reasons.options.map((o) => o.value).filter((v) => chosen.has(v));
      }
      if (rand() < 0.3) answers.comment = pick(rand, KIOSK_COMMENTS);
    }
  }
  const seconds = 3 + rand() * 9 + (level === 1 ? 20 : 0);
  return {
    id: idAt(s.completedMs - seconds * 1000, rand),
    formId: s.form.id,
    formVersion: s.form.version,
    mode: 'kiosk',
    siteId: s.siteId,
    deviceId: s.deviceId,
    enumeratorId: null,
    procedure: null,
    locale: rand() < 0.97 ? 'vi' : 'en',
    startedAt: isoVn(s.completedMs - Math.round(seconds * 1000)),
    completedAt: isoVn(s.completedMs),
    answers,
    durationMs: {},
    flags,
    appVersion: '0.1.0',
  };
}
