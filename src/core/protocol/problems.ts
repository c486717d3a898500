// The one catalogue of problems the server answers with: decimal codes (HTTP status = floor(code)) with their vi/en
// titles, and a named factory for every occasion that builds the detail from a template, as ODK Central's problem.js.
import type { PeopleImportAnswer } from './people-import';
import type { Rejection } from './verdicts';

export type Lang = 'en' | 'vi';

/** Never a code ending in 0 after the dot: 400.10 would travel as the JSON number 400.1. */
export const PROBLEM_TITLES = {
  '400.1': { en: 'The request body is not valid', vi: 'Nội dung yêu cầu không hợp lệ' },
  '400.2': { en: 'Too many items in one request', vi: 'Quá nhiều mục trong một yêu cầu' },
  '400.3': { en: 'The response is not valid', vi: 'Phiếu khảo sát không hợp lệ' },
  '400.4': { en: 'The enrolment code is wrong, expired or already used', vi: 'Mã đăng ký sai, đã hết hạn hoặc đã được dùng' },
  '400.5': { en: 'The import file has errors; nothing was written', vi: 'Tệp nhập có lỗi, chưa ghi dữ liệu nào' },
  '400.6': { en: 'The form has errors; nothing was stored', vi: 'Biểu mẫu có lỗi, chưa lưu gì' },
  '400.7': { en: 'The sample target is not valid', vi: 'Cỡ mẫu cần đạt không hợp lệ' },
  '401.1': { en: 'Sign-in or a device token is required', vi: 'Cần đăng nhập hoặc mã thiết bị hợp lệ' },
  '401.2': { en: 'This device has been revoked', vi: 'Thiết bị này đã bị thu hồi' },
  '401.3': { en: 'Wrong username or password', vi: 'Sai tên đăng nhập hoặc mật khẩu' },
  '403.1': { en: 'Outside your sites', vi: 'Ngoài phạm vi điểm được giao' },
  '403.2': { en: 'Your role may not do this', vi: 'Vai trò của bạn không được làm việc này' },
  '403.3': { en: 'The site is deactivated', vi: 'Điểm này đã ngừng hoạt động' },
  '403.4': { en: 'This enumerator is disabled', vi: 'Điều tra viên này đã bị vô hiệu hóa' },
  '404.1': { en: 'Not found', vi: 'Không tìm thấy' },
  '404.2': { en: 'Unknown or unpublished form', vi: 'Biểu mẫu không tồn tại hoặc chưa được phát hành' },
  '404.3': { en: 'Unknown site', vi: 'Không có điểm này' },
  '404.4': { en: 'Unknown device', vi: 'Không có thiết bị này' },
  '404.5': { en: 'Unknown person', vi: 'Không có người dùng này' },
  '404.6': { en: 'Unknown or used enrolment code', vi: 'Không có mã đăng ký này hoặc mã đã được dùng' },
  '404.7': { en: 'Unknown alert', vi: 'Không có cảnh báo này' },
  '405.1': { en: 'Method not allowed', vi: 'Phương thức không được phép' },
  '409.1': { en: 'A different response with this id is already stored', vi: 'Đã lưu một phiếu khác có cùng mã' },
  '409.2': { en: 'This username is taken', vi: 'Tên đăng nhập này đã có người dùng' },
  '409.3': { en: 'A site with this code exists', vi: 'Đã có điểm mang mã này' },
  '409.4': { en: 'This form version is published with other content', vi: 'Phiên bản biểu mẫu này đã phát hành với nội dung khác' },
  '409.5': { en: 'The form version is not in a state that allows this', vi: 'Phiên bản biểu mẫu không ở trạng thái cho phép việc này' },
  '409.6': { en: 'The response is not in a state that allows this', vi: 'Phiếu không ở trạng thái cho phép thao tác này' },
  '409.7': { en: 'This alert is already acknowledged', vi: 'Cảnh báo này đã được xác nhận' },
  '409.8': { en: 'A different refusal with this id is already stored', vi: 'Đã lưu một lượt từ chối khác có cùng mã' },
  '409.9': { en: 'The data changed while the import was written; nothing was written', vi: 'Dữ liệu thay đổi trong khi đang ghi tệp nhập; chưa ghi gì' },
  '413.1': { en: 'The request body is too large', vi: 'Nội dung yêu cầu quá lớn' },
  '415.1': { en: 'The body must be application/json', vi: 'Nội dung phải là application/json' },
  '429.1': { en: 'Too many attempts; wait and try again', vi: 'Thử quá nhiều lần, vui lòng đợi rồi thử lại' },
  '500.1': { en: 'Internal server error', vi: 'Lỗi máy chủ' },
  '500.2': { en: 'Injected fault (test mode)', vi: 'Lỗi giả lập để kiểm thử' },
  '503.1': { en: 'The database is unavailable', vi: 'Cơ sở dữ liệu không sẵn sàng' },
} as const satisfies Record<string, Record<Lang, string>>;

export type ProblemCode = keyof typeof PROBLEM_TITLES;

export const PROBLEM_CODES = Object.keys(PROBLEM_TITLES) as ProblemCode[];

export interface FieldError {
  path: string;
  message: string;
}

/** application/problem+json as the server writes it. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  /** The decimal code as a JSON number, e.g. 409.1 (tablets in the field read it so). */
  code: number;
  detail: string;
  errors?: FieldError[];
}

/** A problem as plain data: what an ingest worker hands back across threads. */
export interface ProblemData {
  code: ProblemCode;
  detail: string;
  errors?: FieldError[];
}

/** The problem code as text: it travels as a JSON number (401.2), and the catalogue never ends one in 0 after the dot. */
export function codeText(code: unknown): string | null {
  if (typeof code === 'string' && /^\d{3}(\.\d+)?$/.test(code)) return code;
  if (typeof code === 'number' && Number.isFinite(code)) return String(code);
  return null;
}

function statusOf(code: ProblemCode): number {
  return Math.floor(Number(code));
}

// Only this module holds the key to the constructor: a problem is made by a factory below, never with free text elsewhere.
const MINT: unique symbol = Symbol('problem');

/** Thrown anywhere in a request; the server's one error handler turns it into application/problem+json. */
export class Problem extends Error {
  readonly status: number;
  constructor(
    mint: typeof MINT,
    readonly code: ProblemCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    /** Headers the answer must carry: WWW-Authenticate for a refused token, Retry-After for a lock-out. */
    readonly headers?: Record<string, string>,
    /** Members the body carries besides the standard ones (RFC 9457 extensions), e.g. a refused import's rows. */
    readonly extensions?: Record<string, unknown>,
  ) {
    if (mint !== MINT) throw new TypeError('make a Problem with a factory of the catalogue (core/protocol/problems.ts)');
    super(`${code} ${detail}`);
    this.name = 'Problem';
    this.status = statusOf(code);
  }

  /** A problem that travelled as data (from an ingest worker) becomes one again. */
  static from(data: ProblemData): Problem {
    return new Problem(MINT, data.code, data.detail, data.errors?.length ? data.errors : undefined);
  }

  toData(): ProblemData {
    return { code: this.code, detail: this.detail, ...(this.errors ? { errors: this.errors } : {}) };
  }
}

function of(code: ProblemCode, detail: string, errors?: FieldError[], headers?: Record<string, string>, extensions?: Record<string, unknown>): Problem {
  return new Problem(MINT, code, detail, errors?.length ? errors : undefined, headers, extensions);
}

export function problemBody(p: Pick<Problem, 'code' | 'detail' | 'errors'> & { extensions?: Record<string, unknown> }, lang: Lang): ProblemBody {
  return {
    ...p.extensions,
    type: `urn:hailong:problem:${p.code}`,
    title: PROBLEM_TITLES[p.code][lang],
    status: statusOf(p.code),
    code: Number(p.code),
    detail: p.detail,
    ...(p.errors?.length ? { errors: p.errors } : {}),
  };
}

const BEARER = { 'www-authenticate': 'Bearer' };
const retryAfter = (seconds: number) => ({ 'retry-after': String(seconds) });
const joined = (errors: readonly FieldError[]) => errors.map((e) => `${e.path}: ${e.message}`).join('; ');
const few = (ids: readonly string[]) => ids.slice(0, 5).join(', ');
/** The errors a refused import lists in the problem's own errors; the whole answer is beside them. */
const MAX_LISTED_IMPORT_ERRORS = 50;

/** Every problem the server raises, by name. A detail is English, for whoever fixes the cause; the app shows its own words by code. */
export const problem = {
  // 400.1 The request body (or query) is not valid.
  invalidBody: ({ errors }: { errors: FieldError[] }) => of('400.1', joined(errors), errors),
  invalidQuery: ({ errors }: { errors: FieldError[] }) => of('400.1', joined(errors), errors),
  badRequest: ({ message }: { message: string }) => of('400.1', message || 'invalid request'),
  notUtf8: () => of('400.1', 'the body is not valid UTF-8'),
  notJson: ({ reason }: { reason: string }) => of('400.1', `the body is not valid JSON: ${reason}`),
  prototypePoisoning: () => of('400.1', 'the body is not valid JSON: it sets "__proto__" or "constructor.prototype"'),
  unreadableBody: ({ reason }: { reason: string }) => of('400.1', `the body could not be read: ${reason}`),
  notABatch: ({ key = 'responses' }: { key?: string } = {}) => of('400.1', `the body must be a JSON object with a "${key}" array`, [{ path: '(root)', message: 'expected an object' }]),
  responsesNotArray: ({ key = 'responses' }: { key?: string } = {}) => of('400.1', `"${key}" must be an array`, [{ path: key, message: 'expected an array' }]),
  notHandCarryFile: ({ format, versions, field }: { format: string; versions: readonly number[]; field: 'format' | 'version' }) =>
    of('400.1', `not a hand-carry file: expected "format": "${format}" and "version": ${versions.join(' or ')}`, [{ path: field, message: 'unexpected value' }]),
  tooManySites: ({ max }: { max: number }) => of('400.1', `at most ${max} sites per request`),
  formParamMissing: () => of('400.1', 'name the form, e.g. form=sipas-2017', [{ path: 'form', message: 'required' }]),
  badDate: ({ name, value }: { name: string; value: string }) =>
    of('400.1', `${name} must be a date YYYY-MM-DD, got "${value}"`, [{ path: name, message: 'expected YYYY-MM-DD' }]),
  unknownPeriod: ({ allowed }: { allowed: readonly string[] }) => of('400.1', `period must be one of ${allowed.join(', ')}`, [{ path: 'period', message: 'unknown period' }]),
  customPeriodNeedsTo: () => of('400.1', 'a custom period needs both from and to', [{ path: 'to', message: 'required' }]),
  periodBackwards: () => of('400.1', 'to is before from', [{ path: 'to', message: 'before from' }]),
  periodTooLong: ({ maxDays }: { maxDays: number }) => of('400.1', `a custom period may span at most ${maxDays} days`, [{ path: 'to', message: 'range too long' }]),

  // 400.2 Too many items in one request.
  tooManyItems: ({ max, got, what = 'responses' }: { max: number; got: number; what?: string }) => of('400.2', `at most ${max} ${what} per request, got ${got}; send them in smaller batches`),

  // 400.4 A wrong enrolment code.
  enrolmentCodeInvalid: () => of('400.4', 'the enrolment code is wrong, expired or already used; ask a supervisor for a new one'),

  // 401.1 No (valid) credentials.
  deviceTokenMissing: () => of('401.1', 'send the device token as "Authorization: Bearer <token>"', undefined, BEARER),
  deviceTokenUnknown: () => of('401.1', 'unknown device token', undefined, BEARER),
  signInRequired: () => of('401.1', 'sign in first (the session is missing or has expired)'),
  notSignedIn: () => of('401.1', 'not signed in, or the session has expired'),
  unauthorized: ({ message }: { message: string }) => of('401.1', message || 'unauthorized'),

  // 401.2 A revoked device.
  deviceRevoked: ({ name }: { name: string }) => of('401.2', `device "${name}" was revoked; enrol it again with a new code`, undefined, BEARER),

  // 401.3 A failed sign-in.
  wrongPassword: () => of('401.3', 'wrong username or password'),

  // 403.1 Outside the caller's sites.
  siteNotYours: ({ siteId }: { siteId: string }) => of('403.1', `site ${siteId} is not one of yours`),
  sitesNotYours: ({ siteIds }: { siteIds: readonly string[] }) => of('403.1', `not your site${siteIds.length > 1 ? 's' : ''}: ${few(siteIds)}`),
  responseNotYours: () => of('403.1', 'this response belongs to a site that is not yours'),

  // 403.2 The caller's role may not.
  roleRequired: ({ roles }: { roles: readonly string[] }) => of('403.2', `this needs the role ${roles.join(' or ')}`),
  forbidden: ({ message }: { message: string }) => of('403.2', message || 'forbidden'),

  // 404.x Not found.
  notFound: ({ message }: { message: string }) => of('404.1', message || 'not found'),
  noRoute: ({ method, path }: { method: string; path: string }) => of('404.1', `no route ${method} ${path}`),
  noSuchResponse: () => of('404.1', 'no such response'),
  noSuchForm: ({ id, version }: { id: string; version?: string }) => of('404.2', version === undefined ? `no form ${id}` : `no form ${id} version ${version}`),
  noSuchSites: ({ siteIds }: { siteIds: readonly string[] }) => of('404.3', `no site ${few(siteIds)}`),
  noSuchDevice: ({ id }: { id: string }) => of('404.4', `no device ${id}`),

  // 405.1, 413.1, 415.1: what Fastify refuses before a route runs.
  methodNotAllowed: ({ message }: { message: string }) => of('405.1', message || 'method not allowed'),
  bodyTooLarge: ({ message }: { message: string }) => of('413.1', message || 'the request body is too large'),
  unsupportedMediaType: ({ message }: { message: string }) => of('415.1', message || 'unsupported media type'),

  // 429.1 Too many attempts.
  tooManySignIns: ({ username, wait }: { username: string; wait: number }) =>
    of('429.1', `too many failed sign-ins for "${username}"; try again in ${wait} s`, undefined, retryAfter(wait)),
  tooManyEnrolmentAttempts: ({ wait }: { wait: number }) => of('429.1', `too many wrong enrolment codes; try again in ${wait} s`, undefined, retryAfter(wait)),
  tooManyRequests: ({ message }: { message: string }) => of('429.1', message || 'too many requests'),

  // Administration (issue 9): sites, people, enrolment codes, imports.
  /** Asked to apply a file with errors: the body carries the dry run's answer (PeopleImportProblem) and the first errors. */
  importHasErrors: ({ answer }: { answer: PeopleImportAnswer }) => {
    const rows = answer.counts.error;
    const errors = answer.rows
      .flatMap((r) => r.errors.map((e) => ({ path: `${r.sheet} row ${r.row} ${e.column}`, message: e.message })))
      .slice(0, MAX_LISTED_IMPORT_ERRORS);
    return of('400.5', `${rows} row${rows === 1 ? '' : 's'} of the file ha${rows === 1 ? 's' : 've'} errors; nothing was written`, errors, undefined, { answer });
  },
  /** The upload is not a file of the template: no sheet or header to read, a broken workbook, not UTF-8 text. */
  importFileInvalid: ({ errors }: { errors: FieldError[] }) => of('400.1', `not a sites-and-people file: ${joined(errors.slice(0, 3))}`, errors),
  tooManyImportRows: ({ max, got }: { max: number; got: number }) => of('400.2', `at most ${max} rows per import file, got ${got}; split the file`),
  siteDeactivated: ({ code }: { code: string }) => of('403.3', `site ${code} is deactivated: it takes no new tablets or people`),
  noSuchPerson: ({ id }: { id: string }) => of('404.5', `no person ${id}`),
  noSuchEnrolmentCode: ({ id }: { id: string }) => of('404.6', `no unused enrolment code ${id}`),
  /** Someone took a username or site code of the file while it was written, twice running: the transaction rolled back whole. */
  importRaced: () => of('409.9', 'people or sites of the file were created by someone else while it was written, twice; nothing was written: import it again'),
  usernameTaken: ({ username }: { username: string }) => of('409.2', `the username ${username} is taken`, [{ path: 'username', message: 'taken' }]),
  siteCodeTaken: ({ code }: { code: string }) => of('409.3', `a site with code ${code} exists`, [{ path: 'code', message: 'taken' }]),
  enumeratorsOnly: () => of('403.2', 'a supervisor manages the enumerators of their own sites only; sites, supervisors and admins are for an admin'),
  cannotDisableSelf: () => of('403.2', 'you cannot disable yourself; ask another admin'),
  lastAdmin: () => of('403.2', 'this is the last active admin; make another admin first'),
  // Forms (issue 10): uploads and the draft → published → withdrawn lifecycle.
  /** Every error of an uploaded definition; an XLSForm's also as data (code, sheet, row, column) in "formErrors" for the console to word. */
  formInvalid: ({ errors, formErrors }: { errors: FieldError[]; formErrors?: readonly object[] }) =>
    of('400.6', `the form has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was stored: ${joined(errors.slice(0, 3))}`, errors, undefined, formErrors ? { formErrors } : undefined),
  formVersionTaken: ({ id, version, status }: { id: string; version: number; status: string }) =>
    of('409.4', `version ${version} of form ${id} is ${status} with other content; a changed definition needs a new version number`, [{ path: 'version', message: 'already stored with other content' }]),
  formStillDraft: ({ id, version }: { id: string; version: number }) => of('409.5', `version ${version} of form ${id} is a draft: publish it first, there is nothing to withdraw`),
  formNotXlsForm: ({ id, version, reasons }: { id: string; version: number; reasons: readonly string[] }) =>
    of('409.5', `version ${version} of form ${id} uses what an XLSForm cannot say (${reasons.slice(0, 3).join('; ')}); download it as JSON`),
  // Responses (issue 11): a supervisor's exclusion from the scores, and its restoration.
  alreadyExcluded: ({ reason }: { reason: string }) => of('409.6', `this response is already left out of the scores (${reason})`),
  notExcludedBySupervisor: ({ reason }: { reason: string | null }) =>
    of('409.6', reason ? `this response was left out by the server (${reason}), not by a supervisor; it cannot be restored` : 'this response is not excluded'),
  // Kiosk alerts (issue 11).
  noSuchAlert: ({ id }: { id: string }) => of('404.7', `no alert ${id}`),
  alertAcknowledged: ({ at }: { at: string }) => of('409.7', `this alert was acknowledged at ${at}`),
  // Sample targets (issue 11): N per site and period.
  targetInvalid: ({ errors }: { errors: FieldError[] }) => of('400.7', `the sample target is not valid: ${joined(errors)}`, errors),
  nothingToChange: () => of('400.1', 'the body names nothing to change', [{ path: '(root)', message: 'no field to change' }]),

  // 5xx
  internal: () => of('500.1', 'the server could not complete the request'),
  injectedFault: ({ when }: { when: string }) => of('500.2', `injected fault (${when})`),
  databaseUnavailable: () => of('503.1', 'the database did not answer'),
} as const;

const MAX_LISTED_ISSUES = 3;

function issueReason(issues: readonly FieldError[]): string {
  const reason = issues
    .slice(0, MAX_LISTED_ISSUES)
    .map((i) => `${i.path || '(root)'}: ${i.message}`)
    .join('; ');
  return issues.length > MAX_LISTED_ISSUES ? `${reason}; and ${issues.length - MAX_LISTED_ISSUES} more` : reason;
}

/** Why one item of a batch was refused: the code, the field at fault and the reason, each from a template here. */
export const rejection = {
  // 400.3 The response is not valid.
  notAResponse: (): Rejection => ({ code: '400.3', field: 'id', reason: 'not a response object with a string id' }),
  invalidResponse: ({ issues }: { issues: readonly FieldError[] }): Rejection => ({ code: '400.3', field: issues[0]?.path || null, reason: issueReason(issues) }),
  notARefusal: (): Rejection => ({ code: '400.3', field: 'id', reason: 'not a refusal object with a string id' }),
  illFormedText: ({ path }: { path: string }): Rejection => ({ code: '400.3', field: path || null, reason: `${path || '(root)'}: contains a NUL character or broken Unicode` }),

  // 403.1 Not the sender's site or device.
  deviceOfOtherSite: ({ siteCode, siteId, got }: { siteCode: string; siteId: string; got: string }): Rejection => ({
    code: '403.1',
    field: 'siteId',
    reason: `siteId: this device belongs to site ${siteCode} (${siteId}), not ${got}`,
  }),
  otherDevice: ({ named, sender }: { named: string; sender: string }): Rejection => ({
    code: '403.1',
    field: 'deviceId',
    reason: `deviceId: the response names device ${named}, but was sent by ${sender}`,
  }),
  siteNotYours: ({ siteId }: { siteId: string }): Rejection => ({ code: '403.1', field: 'siteId', reason: `siteId: site ${siteId} is not one of yours` }),
  deviceNotOfSite: ({ deviceId, siteId }: { deviceId: string; siteId: string }): Rejection => ({
    code: '403.1',
    field: 'deviceId',
    reason: `deviceId: device ${deviceId} does not belong to site ${siteId}`,
  }),

  // 404.x The form, site or device is not known.
  formVersionNotPublished: ({ formId, version }: { formId: string; version: number }): Rejection => ({
    code: '404.2',
    field: 'formVersion',
    reason: `formVersion: version ${version} of form "${formId}" is not published`,
  }),
  formNotPublished: ({ formId }: { formId: string }): Rejection => ({ code: '404.2', field: 'formId', reason: `formId: no published form "${formId}"` }),
  noSuchSite: ({ siteId }: { siteId: string }): Rejection => ({ code: '404.3', field: 'siteId', reason: `siteId: no site ${siteId}` }),
  noSuchDevice: ({ deviceId }: { deviceId: string }): Rejection => ({ code: '404.4', field: 'deviceId', reason: `deviceId: no device ${deviceId}` }),

  // The interviewer named must be an active enumerator of the response's site.
  unknownEnumerator: ({ enumeratorId }: { enumeratorId: string }): Rejection => ({ code: '404.5', field: 'enumeratorId', reason: `enumeratorId: no enumerator ${enumeratorId}` }),
  enumeratorOfOtherSite: ({ enumeratorId, siteId }: { enumeratorId: string; siteId: string }): Rejection => ({
    code: '403.1',
    field: 'enumeratorId',
    reason: `enumeratorId: enumerator ${enumeratorId} does not work at site ${siteId}`,
  }),
  enumeratorDisabled: ({ enumeratorId }: { enumeratorId: string }): Rejection => ({ code: '403.4', field: 'enumeratorId', reason: `enumeratorId: enumerator ${enumeratorId} is disabled` }),
} as const;

/** The reason given with a 409.1 conflict verdict. */
export const CONFLICT_REASON = 'a different response with this id is already stored; nothing was changed';
/** The reason given with a 409.8 conflict verdict (a refusal). */
export const REFUSAL_CONFLICT_REASON = 'a different refusal with this id is already stored; nothing was changed';
