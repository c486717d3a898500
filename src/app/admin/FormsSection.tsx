// Questionnaires (admin, issue 10): upload an XLSForm or a JSON definition as a draft, read its errors by sheet, row
// and column in one's own language, preview it as the tablet shows it, publish it, choose its sites, withdraw it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_FORM_UPLOAD_BYTES, type FormSites, type FormVersionJson, type XlsFormIssue } from '../../core/protocol/forms';
import { XLSX_CONTENT_TYPE } from '../../core/protocol/people-import';
import { describeXlsFormProblem, xlsformMessage, type XlsFormProblem } from '../../core/forms/xlsform';
import type { FieldError } from '../../core/protocol/problems';
import { errorText } from '../api/error-text';
import { staffApi } from '../api/staff';
import { label } from '../i18n/label';
import { useApi } from '../supervisor/use-api';
import { FormPreview } from './FormPreview';
import { siteLabel, siteTime, type Scope } from './scope';
import { AdminTable, Confirm, FilePicker, Note, useAction } from './ui';

/** The Content-Type the server reads the bytes by: the file's extension says which it is. */
function formContentType(fileName: string): string | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.xlsx')) return XLSX_CONTENT_TYPE;
  if (name.endsWith('.json')) return 'application/json';
  return null;
}

const asProblem = (e: XlsFormIssue) => e as XlsFormProblem;
const errorTextOf = (e: unknown, lang: string) => errorText(e, lang, 'staff');
const wordLang = (lang: string) => (lang === 'en' ? 'en' : 'vi');

/** A refused upload: each XLSForm error at its sheet, row and column, worded in the reader's language; JSON by path. */
function UploadErrors({ formErrors, errors }: { formErrors: XlsFormIssue[]; errors: FieldError[] }) {
  const { t, i18n } = useTranslation('admin');
  const lang = wordLang(i18n.language);
  const count = formErrors.length || errors.length;
  return (
    <div className="ad-form-errors" data-testid="form-errors">
      <p className="sv-note sv-note-error" role="alert">
        {t('forms.errorsTitle', { count })}
      </p>
      <p className="muted sv-help">{t('forms.errorsHelp')}</p>
      <AdminTable
        columns={[...(formErrors.length > 0 ? [t('forms.sheet'), { label: t('forms.row'), num: true }, t('forms.column')] : [t('forms.path')]), t('forms.message')]}
        region={t('forms.errorsLabel')}
        tall
      >
        {formErrors.length > 0
          ? formErrors.map((e, i) => (
              <tr key={i} className="ad-row-error" data-testid="form-error" data-row={e.row ?? ''}>
                <td className="ad-mono" lang="en">
                  {e.sheet ?? '—'}
                </td>
                <td className="num">{e.row ?? '—'}</td>
                <td className="ad-mono" lang="en">
                  {e.column ? `${e.column}${e.cell ? ` (${e.cell})` : ''}` : '—'}
                </td>
                <td title={describeXlsFormProblem(asProblem(e), lang)}>{xlsformMessage(asProblem(e), lang)}</td>
              </tr>
            ))
          : errors.map((e, i) => (
              <tr key={i} className="ad-row-error" data-testid="form-error">
                <td className="ad-mono" lang="en">
                  {e.path || '—'}
                </td>
                <td lang="en">{e.message}</td>
              </tr>
            ))}
      </AdminTable>
    </div>
  );
}

function Upload({ onStored }: { onStored: (id: string, version: number) => void }) {
  const { t, i18n } = useTranslation('admin');
  const lang = wordLang(i18n.language);
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | undefined>();
  const [stored, setStored] = useState<{ id: string; version: number; warnings: XlsFormIssue[] } | null>(null);
  const action = useAction();
  const failure = action.failure;
  const refused = failure?.kind === 'problem' && failure.code === '400.6' ? { formErrors: failure.formErrors ?? [], errors: failure.errors ?? [] } : null;

  async function upload() {
    if (!file) return setFileProblem('required');
    const type = formContentType(file.name);
    if (!type) return setFileProblem('formFileType');
    if (file.size > MAX_FORM_UPLOAD_BYTES) return setFileProblem('formFileTooLarge');
    setFileProblem(undefined);
    setStored(null);
    await action.run(async () => {
      const bytes = await file.arrayBuffer();
      const r = await staffApi.call('POST /api/v1/forms', { body: bytes, contentType: type, timeoutMs: 120_000 });
      setStored(r);
      onStored(r.id, r.version);
    });
  }

  return (
    <section className="sv-card" aria-labelledby="ad-forms-upload" data-testid="form-upload">
      <h2 id="ad-forms-upload">{t('forms.uploadTitle')}</h2>
      <p className="muted sv-help">{t('forms.help')}</p>
      <div className="ad-inline-form">
        <FilePicker
          label={t('forms.file')}
          problem={fileProblem}
          className="ad-form-file"
          accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          file={file}
          onPick={(picked) => {
            setFile(picked);
            setFileProblem(undefined);
            setStored(null);
            action.clear();
          }}
          choose={t('forms.choose')}
          none={t('forms.noFile')}
          testId="form-file"
        />
        <button type="button" className="btn btn-primary" onClick={() => void upload()} disabled={action.busy || !file} data-testid="form-upload-submit">
          {t('forms.upload')}
        </button>
      </div>
      {action.busy && (
        <p className="muted" role="status">
          {t('forms.uploading')}
        </p>
      )}
      {refused ? <UploadErrors {...refused} /> : <Note error={action.error} />}
      {stored && (
        <>
          <Note done={t('forms.uploaded', { id: stored.id, version: stored.version })} />
          {stored.warnings.length > 0 && (
            <div className="sv-note sv-note-warn" data-testid="form-warnings">
              <strong>{t('forms.warningsTitle', { count: stored.warnings.length })}</strong>
              <ul className="ad-cell-errors">
                {stored.warnings.map((w, i) => (
                  <li key={i}>{describeXlsFormProblem(asProblem(w), lang)}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** The sites a version goes to: 'all', or a choice among the caller's active sites. */
function SitesEditor({ version, scope, onSaved, onCancel }: { version: FormVersionJson; scope: Scope; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation('admin');
  const [all, setAll] = useState(version.sites === 'all');
  const [chosen, setChosen] = useState<Set<string>>(new Set(version.sites === 'all' ? [] : version.sites));
  const action = useAction();
  const active = scope.sites.filter((s) => !s.deactivatedAt || chosen.has(s.id));

  async function save() {
    const sites: FormSites = all ? 'all' : [...chosen];
    const ok = await action.run(() => staffApi.call('PUT /api/v1/forms/:id/:version/sites', { params: { id: version.id, version: String(version.version) }, body: { sites } }));
    if (ok) onSaved();
  }

  const toggle = (id: string) =>
    setChosen((prev) => {
      const s = new Set(prev);
      if (s.has(id)) s.delete(id);
      else s.add(id);
      return s;
    });

  return (
    <div className="ad-form ad-form-sites" data-testid="form-sites-editor">
      <Note error={action.error} />
      <label className="ad-check">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} data-testid="form-sites-all" />
        {t('forms.allSitesOption')}
      </label>
      {!all && (
        <fieldset className="ad-sites-pick">
          <legend>{t('forms.sitesPick')}</legend>
          <div className="ad-sites-list">
            {active.map((s) => (
              <label key={s.id} className="ad-check">
                <input type="checkbox" checked={chosen.has(s.id)} onChange={() => toggle(s.id)} />
                {siteLabel(scope, s.id)}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <span className="ad-actions">
        <button type="button" className="btn btn-small btn-primary" onClick={() => void save()} disabled={action.busy} data-testid="form-sites-save">
          {t('forms.saveSites')}
        </button>
        <button type="button" className="btn btn-small" onClick={onCancel}>
          {t('cancel')}
        </button>
      </span>
    </div>
  );
}

function SitesText({ sites, scope }: { sites: FormSites; scope: Scope }) {
  const { t } = useTranslation('admin');
  if (sites === 'all') return <>{t('forms.sitesAll')}</>;
  if (sites.length === 0) return <span className="muted">{t('forms.sitesNone')}</span>;
  return (
    <ul className="ad-cell-errors ad-form-sites-list">
      {sites.map((id) => (
        <li key={id}>{siteLabel(scope, id)}</li>
      ))}
    </ul>
  );
}

const STATUS_ORDER: Record<FormVersionJson['status'], number> = { draft: 0, published: 1, withdrawn: 2 };
const STATUS_BADGE: Record<FormVersionJson['status'], string> = { draft: 'ad-flag', published: 'ad-badge-ok', withdrawn: 'ad-badge-off' };

function VersionRow({ v, scope, previewing, onPreview, onChanged }: { v: FormVersionJson; scope: Scope; previewing: boolean; onPreview: () => void; onChanged: (done: string) => void }) {
  const { t, i18n } = useTranslation('admin');
  const lang = i18n.language;
  const [mode, setMode] = useState<'idle' | 'sites' | 'withdraw'>('idle');
  const action = useAction();
  const params = { id: v.id, version: String(v.version) };
  const at = (iso: string | null) => siteTime(scope, iso, null, lang);
  const names = { id: v.id, version: v.version };

  async function publish() {
    if (await action.run(() => staffApi.call('POST /api/v1/forms/:id/:version/publish', { params }))) onChanged(t('forms.published', names));
  }
  async function withdraw() {
    if (await action.run(() => staffApi.call('POST /api/v1/forms/:id/:version/withdraw', { params }))) {
      setMode('idle');
      onChanged(t('forms.withdrawn', names));
    }
  }

  return (
    <tr data-testid={`form-row-${v.id}-${v.version}`} data-status={v.status}>
      <th scope="row">
        <span className="sv-site-name">{label(v.title, lang)}</span>
        <span className="sv-site-meta">
          <span className="ad-mono" lang="en">
            {v.id}
          </span>{' '}
          · {t(`forms.kind_${v.kind}`)}
        </span>
      </th>
      <td className="num" data-label={t('forms.version')}>
        {v.version}
      </td>
      <td>
        <span className={`ad-badge ${STATUS_BADGE[v.status]}`} data-testid="form-status">
          {t(`forms.status_${v.status}`)}
        </span>
        <span className="ad-form-times">
          <span>{t('forms.createdAt', { at: at(v.createdAt) })}</span>
          {v.publishedAt && <span>{t('forms.publishedAt', { at: at(v.publishedAt) })}</span>}
          {v.withdrawnAt && <span>{t('forms.withdrawnAt', { at: at(v.withdrawnAt) })}</span>}
        </span>
      </td>
      <td data-testid="form-sites" className="ad-form-sites-cell" data-label={t('forms.sites')}>
        {mode === 'sites' ? <SitesEditor version={v} scope={scope} onCancel={() => setMode('idle')} onSaved={() => (setMode('idle'), onChanged(t('forms.sitesSaved', names)))} /> : <SitesText sites={v.sites} scope={scope} />}
      </td>
      <td className="ad-cell-actions">
        <Note error={action.error} />
        {mode === 'withdraw' ? (
          <Confirm question={t('forms.confirmWithdraw', names)} yes={t('forms.withdraw')} no={t('keep')} busy={action.busy} onYes={() => void withdraw()} onNo={() => setMode('idle')} />
        ) : (
          <span className="ad-actions">
            <button type="button" className={`btn btn-small${previewing ? ' btn-primary' : ''}`} aria-pressed={previewing} onClick={onPreview} data-testid="form-preview-open">
              {t('forms.preview')}
            </button>
            {v.status === 'draft' && (
              <button type="button" className="btn btn-small btn-primary" onClick={() => void publish()} disabled={action.busy} data-testid="form-publish">
                {t('forms.publish')}
              </button>
            )}
            {v.status !== 'withdrawn' && mode !== 'sites' && (
              <button type="button" className="btn btn-small" onClick={() => setMode('sites')} data-testid="form-sites-edit">
                {t('forms.editSites')}
              </button>
            )}
            {v.status === 'published' && (
              <button type="button" className="btn btn-small btn-danger" onClick={() => setMode('withdraw')} data-testid="form-withdraw">
                {t('forms.withdraw')}
              </button>
            )}
            <a className="btn btn-small" href={staffApi.urlOf('GET /api/v1/forms/:id/:version/form.json', { params })} download data-testid="form-download-json">
              {t('forms.downloadJson')}
            </a>
            <a className="btn btn-small" href={staffApi.urlOf('GET /api/v1/forms/:id/:version/form.xlsx', { params })} download data-testid="form-download-xlsx">
              {t('forms.downloadXlsx')}
            </a>
          </span>
        )}
      </td>
    </tr>
  );
}

function Preview({ id, version, onClose }: { id: string; version: number; onClose: () => void }) {
  const { t, i18n } = useTranslation(['admin', 'problems']);
  const loaded = useApi('GET /api/v1/forms/:id/:version', { params: { id, version: String(version) } });
  if (loaded.data) return <FormPreview key={`${id}@${version}`} form={loaded.data.definition} version={version} onClose={onClose} />;
  return (
    <section className="sv-card" aria-label={t('forms.preview')}>
      {loaded.error ? <Note error={errorTextOf(loaded.error, i18n.language)} /> : <p className="muted">{t('forms.loadingPreview')}</p>}
    </section>
  );
}

export function FormsSection({ scope }: { scope: Scope }) {
  const { t, i18n } = useTranslation(['admin', 'problems']);
  const [reload, setReload] = useState(0);
  const [previewing, setPreviewing] = useState<{ id: string; version: number } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const list = useApi('GET /api/v1/form-versions', {}, reload);
  // Drafts first: they are what waits for a preview and a decision; the server's order (newest first) within each.
  const versions = [...(list.data?.forms ?? [])].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);

  return (
    <>
      <Upload
        onStored={(id, version) => {
          setReload((n) => n + 1);
          setPreviewing({ id, version });
        }}
      />
      <section className="sv-card" aria-labelledby="ad-forms-list">
        <h2 id="ad-forms-list">{t('forms.listTitle')}</h2>
        <Note error={list.error ? errorTextOf(list.error, i18n.language) : null} done={done} />
        {list.loading && !list.data && <p className="muted">{t('loading')}</p>}
        {list.data && versions.length === 0 && <p className="muted">{t('forms.empty')}</p>}
        {versions.length > 0 && (
          <AdminTable
            columns={[t('forms.form'), { label: t('forms.version'), num: true }, t('forms.status'), t('forms.sites'), t('forms.actions')]}
            region={t('forms.listLabel')}
            tall
            className="ad-forms-table"
            testId="forms-table"
          >
            {versions.map((v) => (
              <VersionRow
                key={`${v.id}@${v.version}`}
                v={v}
                scope={scope}
                previewing={previewing?.id === v.id && previewing.version === v.version}
                onPreview={() => setPreviewing({ id: v.id, version: v.version })}
                onChanged={(words) => {
                  setDone(words);
                  setReload((n) => n + 1);
                }}
              />
            ))}
          </AdminTable>
        )}
      </section>
      {previewing && <Preview key={`${previewing.id}@${previewing.version}`} id={previewing.id} version={previewing.version} onClose={() => setPreviewing(null)} />}
    </>
  );
}
