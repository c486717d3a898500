// Every JSON route of /api/v1 by "METHOD path", with what it takes and what it answers: the server's handlers and the
// app's client are both typed from this map, so a change one side does not follow fails to compile.
import type { AcknowledgementBody, AlertJson, AlertRuleBody, AlertRuleJson, AlertsAnswer, AlertsQuery } from './alerts';
import type { AuditAnswer, AuditQuery } from './audit';
import type {
  DeviceAnswer,
  DeviceJson,
  DevicePatch,
  DeviceReport,
  DevicesAnswer,
  EnrolAnswer,
  EnrolBody,
  EnrolmentCodeBody,
  EnrolmentCodeJson,
  EnrolmentCodesAnswer,
  EnrolmentCodesQuery,
} from './devices';
import type { FormsAnswer, FormSitesBody, FormSummariesAnswer, FormUploadAnswer, FormVersionDetail, FormVersionJson, FormVersionsAnswer } from './forms';
import type { HandCarryFile, ImportAnswer } from './hand-carry';
import type { CodebookQuery, ExportQuery, QualityJson, QualityQuery, ResponseDetail, ScoresJson, ScoresQuery } from './scores';
import type { ExclusionAnswer, ExclusionBody, ResponsesAnswer, ResponsesQuery } from './responses';
import type { LoginBody, SessionJson } from './sessions';
import type { NewPersonBody, PeopleAnswer, PeopleQuery, PersonJson, PersonPatch } from './people';
import type { PeopleImportAnswer } from './people-import';
import type { SiteBody, SiteJson, SitePatch, SitesAnswer } from './sites';
import type { SubmissionsAnswer, SubmissionsBody } from './verdicts';
import type { TargetBody, TargetDeleteQuery, TargetJson, TargetsAnswer, TargetsQuery } from './targets';
import type { RefusalsBody, ResponseRateJson, ResponseRateQuery } from './refusals';

interface HealthJson {
  status: 'ok';
  db: 'sqlite' | 'postgres';
}

interface Api {
  'GET /api/health': { reply: HealthJson };
  'POST /api/v1/sessions': { body: LoginBody; reply: SessionJson };
  'DELETE /api/v1/sessions/current': { reply: void };
  'GET /api/v1/me': { reply: SessionJson };
  'POST /api/v1/devices': { body: EnrolBody; reply: EnrolAnswer };
  'GET /api/v1/devices': { reply: DevicesAnswer };
  'PATCH /api/v1/devices/:id': { body: DevicePatch; reply: DeviceJson };
  'DELETE /api/v1/devices/:id': { reply: void };
  'GET /api/v1/device': { reply: DeviceAnswer };
  /** The tablet's report (see DeviceReport); answers as GET /api/v1/device does, so the enumerator list stays fresh. */
  'POST /api/v1/device/heartbeat': { body: DeviceReport; reply: DeviceAnswer };
  'POST /api/v1/enrolment-codes': { body: EnrolmentCodeBody; reply: EnrolmentCodeJson };
  'GET /api/v1/enrolment-codes': { query: EnrolmentCodesQuery; reply: EnrolmentCodesAnswer };
  'DELETE /api/v1/enrolment-codes/:id': { reply: void };
  'GET /api/v1/forms': { reply: FormsAnswer };
  /** A JSON definition (application/json) or XLSForm bytes (the XLSX type): stored as a draft. */
  'POST /api/v1/forms': { body: unknown; reply: FormUploadAnswer };
  'GET /api/v1/form-versions': { reply: FormVersionsAnswer };
  'GET /api/v1/forms/:id/:version': { reply: FormVersionDetail };
  /** Files, not JSON: the definition to download (form.json is the bare definition, as POST takes it). */
  'GET /api/v1/forms/:id/:version/form.json': { reply: unknown };
  'GET /api/v1/forms/:id/:version/form.xlsx': { reply: unknown };
  'POST /api/v1/forms/:id/:version/publish': { reply: FormVersionJson };
  'POST /api/v1/forms/:id/:version/withdraw': { reply: FormVersionJson };
  'PUT /api/v1/forms/:id/:version/sites': { body: FormSitesBody; reply: FormVersionJson };
  'GET /api/v1/sites': { reply: SitesAnswer };
  'POST /api/v1/sites': { body: SiteBody; reply: SiteJson };
  'PATCH /api/v1/sites/:id': { body: SitePatch; reply: SiteJson };
  'GET /api/v1/users': { query: PeopleQuery; reply: PeopleAnswer };
  'POST /api/v1/users': { body: NewPersonBody; reply: PersonJson };
  'PATCH /api/v1/users/:id': { body: PersonPatch; reply: PersonJson };
  'GET /api/v1/audit': { query: AuditQuery; reply: AuditAnswer };
  /** The template as CSV or XLSX bytes (Content-Type text/csv or the XLSX type); a dry run unless ?apply=1. */
  'POST /api/v1/imports/people': { query: { apply?: string }; body: unknown; reply: PeopleImportAnswer };
  /** Files, not JSON: the empty template, as the console's download link fetches it. */
  'GET /api/v1/imports/people/template.xlsx': { reply: unknown };
  'GET /api/v1/imports/people/template.csv': { reply: unknown };
  'GET /api/v1/scores/forms': { reply: FormSummariesAnswer };
  'GET /api/v1/scores': { query: ScoresQuery; reply: ScoresJson };
  'GET /api/v1/quality': { query: QualityQuery; reply: QualityJson };
  'GET /api/v1/responses/:id': { reply: ResponseDetail };
  'GET /api/v1/responses': { query: ResponsesQuery; reply: ResponsesAnswer };
  /** Leaves the response out of every score (the rollup follows in the same transaction); audit-logged. */
  'POST /api/v1/responses/:id/exclusion': { body: ExclusionBody; reply: ExclusionAnswer };
  'DELETE /api/v1/responses/:id/exclusion': { reply: ExclusionAnswer };
  /** Kiosk-rating alerts (issue 11): the list re-evaluates open ones; acknowledging and the rule are audit-logged. */
  'GET /api/v1/alerts': { query: AlertsQuery; reply: AlertsAnswer };
  'POST /api/v1/alerts/:id/acknowledgement': { body: AcknowledgementBody; reply: AlertJson };
  'GET /api/v1/sites/:id/alert-rule': { reply: AlertRuleJson };
  'PUT /api/v1/sites/:id/alert-rule': { body: AlertRuleBody; reply: AlertRuleJson };
  /** Sample targets (issue 11 item 4): N per site and exact period (from/to); setting and clearing are audit-logged. */
  'GET /api/v1/targets': { query: TargetsQuery; reply: TargetsAnswer };
  'PUT /api/v1/sites/:id/target': { body: TargetBody; reply: TargetJson };
  'DELETE /api/v1/sites/:id/target': { query: TargetDeleteQuery; reply: void };
  'POST /api/v1/submissions': { body: SubmissionsBody; reply: SubmissionsAnswer };
  'POST /api/v1/imports': { body: HandCarryFile; reply: ImportAnswer };
  /** Refusals (issue 11 item 4): a tablet's batch, judged per item exactly as submissions are. */
  'POST /api/v1/refusals': { body: RefusalsBody; reply: SubmissionsAnswer };
  /** Interviews, refusals and the response rate per site and enumerator in scope and period. */
  'GET /api/v1/response-rate': { query: ResponseRateQuery; reply: ResponseRateJson };
  /** Files, not JSON: the browser downloads them from a link. */
  'GET /api/v1/exports/responses.csv': { query: ExportQuery; reply: unknown };
  'GET /api/v1/exports/responses.xlsx': { query: ExportQuery; reply: unknown };
  'GET /api/v1/exports/codebook.csv': { query: CodebookQuery; reply: unknown };
  /** The dashboard's report as a workbook: headline, blocks, ranking, per-site elements and criteria, notes. */
  'GET /api/v1/exports/report.xlsx': { query: ExportQuery; reply: unknown };
}

export type RouteKey = keyof Api;
export type Reply<K extends RouteKey> = Api[K]['reply'];
export type Body<K extends RouteKey> = Api[K] extends { body: infer B } ? B : undefined;
export type Query<K extends RouteKey> = Api[K] extends { query: infer Q } ? Q : undefined;

type ParamNames<P extends string> = P extends `${string}:${infer N}/${infer Rest}` ? N | ParamNames<`/${Rest}`> : P extends `${string}:${infer N}` ? N : never;
type PathOf<K extends string> = K extends `${string} ${infer P}` ? P : never;
/** The path parameters a route names (":id" → { id: string }), or undefined. */
export type Params<K extends RouteKey> = [ParamNames<PathOf<K>>] extends [never] ? undefined : Record<ParamNames<PathOf<K>>, string>;
