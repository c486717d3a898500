// The one catalogue of errors the server can answer, with decimal codes (HTTP status = floor(code)) as ODK Central does.
export type Lang = 'en' | 'vi';

export const PROBLEMS = {
  '400.1': { en: 'The request body is not valid', vi: 'Nội dung yêu cầu không hợp lệ' },
  '400.2': { en: 'Too many items in one request', vi: 'Quá nhiều mục trong một yêu cầu' },
  '400.3': { en: 'The response is not valid', vi: 'Phiếu khảo sát không hợp lệ' },
  '400.4': { en: 'The enrolment code is wrong, expired or already used', vi: 'Mã đăng ký sai, đã hết hạn hoặc đã được dùng' },
  '401.1': { en: 'Sign-in or a device token is required', vi: 'Cần đăng nhập hoặc mã thiết bị hợp lệ' },
  '401.2': { en: 'This device has been revoked', vi: 'Thiết bị này đã bị thu hồi' },
  '401.3': { en: 'Wrong username or password', vi: 'Sai tên đăng nhập hoặc mật khẩu' },
  '403.1': { en: 'Outside your sites', vi: 'Ngoài phạm vi điểm được giao' },
  '403.2': { en: 'Your role may not do this', vi: 'Vai trò của bạn không được làm việc này' },
  '404.1': { en: 'Not found', vi: 'Không tìm thấy' },
  '404.2': { en: 'Unknown or unpublished form', vi: 'Biểu mẫu không tồn tại hoặc chưa được phát hành' },
  '404.3': { en: 'Unknown site', vi: 'Không có điểm này' },
  '404.4': { en: 'Unknown device', vi: 'Không có thiết bị này' },
  '405.1': { en: 'Method not allowed', vi: 'Phương thức không được phép' },
  '409.1': { en: 'A different response with this id is already stored', vi: 'Đã lưu một phiếu khác có cùng mã' },
  '413.1': { en: 'The request body is too large', vi: 'Nội dung yêu cầu quá lớn' },
  '415.1': { en: 'The body must be application/json', vi: 'Nội dung phải là application/json' },
  '429.1': { en: 'Too many attempts; wait and try again', vi: 'Thử quá nhiều lần, vui lòng đợi rồi thử lại' },
  '500.1': { en: 'Internal server error', vi: 'Lỗi máy chủ' },
  '500.2': { en: 'Injected fault (test mode)', vi: 'Lỗi giả lập để kiểm thử' },
  '503.1': { en: 'The database is unavailable', vi: 'Cơ sở dữ liệu không sẵn sàng' },
} as const satisfies Record<string, Record<Lang, string>>;

export type ProblemCode = keyof typeof PROBLEMS;

export interface FieldError {
  path: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  /** Decimal code as a number, e.g. 409.1. */
  code: number;
  detail: string;
  errors?: FieldError[];
}

export function statusOf(code: ProblemCode): number {
  return Math.floor(Number(code));
}

export function titleOf(code: ProblemCode, lang: Lang = 'en'): string {
  return PROBLEMS[code][lang];
}

/** Thrown anywhere in a request; the one error handler turns it into application/problem+json. */
export class Problem extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    readonly detail: string = PROBLEMS[code].en,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(`${code} ${detail}`);
    this.name = 'Problem';
    this.status = statusOf(code);
  }
}

export function problemBody(code: ProblemCode, detail: string, lang: Lang, errors?: FieldError[]): ProblemBody {
  return {
    type: `urn:hailong:problem:${code}`,
    title: titleOf(code, lang),
    status: statusOf(code),
    code: Number(code),
    detail,
    ...(errors?.length ? { errors } : {}),
  };
}

/** Picks the title language from Accept-Language: Vietnamese when it comes before English, else English. */
export function langOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'en';
  for (const part of acceptLanguage.toLowerCase().split(',')) {
    const tag = part.trim().split(';')[0];
    if (tag.startsWith('vi')) return 'vi';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}
