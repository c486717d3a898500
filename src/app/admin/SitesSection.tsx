// Sites (admin): the list with deactivated ones marked, a form to add one, and in each row edit, deactivate, reactivate.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TIME_ZONE } from '../../core/format';
import { SITE_KINDS, type SiteJson, type SiteKind } from '../../core/protocol/sites';
import { staffApi } from '../api/staff';
import { siteProblems, type FieldProblems } from './console-logic';
import { siteTime, type Scope } from './scope';
import { AdminTable, Confirm, Field, Note, useAction } from './ui';

const SITE_FIELDS = ['code', 'name', 'kind', 'timeZone'];

interface Draft {
  code: string;
  name: string;
  kind: SiteKind;
  timeZone: string;
}

function SiteFields({ draft, set, problems, creating }: { draft: Draft; set: (d: Draft) => void; problems: FieldProblems; creating: boolean }) {
  const { t } = useTranslation(['admin', 'supervisor']);
  return (
    <>
      {creating && (
        <Field label={t('sites.code')} problem={problems.code} hint={t('sites.codeHint')} className="ad-w-code">
          {(f) => (
            <input
              id={f.id}
             
              value={draft.code}
              onChange={(e) => set({ ...draft, code: e.target.value })}
              aria-invalid={f.invalid}
              aria-describedby={f.describedBy}
              autoCapitalize="characters"
              spellCheck={false}
              data-testid="site-code"
            />
          )}
        </Field>
      )}
      <Field label={t('sites.name')} problem={problems.name} className="ad-grow">
        {(f) => (
          <input id={f.id} value={draft.name} onChange={(e) => set({ ...draft, name: e.target.value })} aria-invalid={f.invalid} aria-describedby={f.describedBy} autoFocus={!creating} data-testid="site-name" />
        )}
      </Field>
      <Field label={t('sites.kind')} problem={problems.kind}>
        {(f) => (
          <select id={f.id} value={draft.kind} onChange={(e) => set({ ...draft, kind: e.target.value as SiteKind })} aria-describedby={f.describedBy} data-testid="site-kind">
            {SITE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`supervisor:kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('sites.timeZone')} problem={problems.timeZone} className="ad-w-zone">
        {(f) => (
          <input
            id={f.id}
           
            value={draft.timeZone}
            onChange={(e) => set({ ...draft, timeZone: e.target.value })}
            aria-invalid={f.invalid}
            aria-describedby={f.describedBy}
            spellCheck={false}
            lang="en"
            data-testid="site-zone"
          />
        )}
      </Field>
    </>
  );
}

function NewSite({ scope }: { scope: Scope }) {
  const { t } = useTranslation('admin');
  const empty: Draft = { code: '', name: '', kind: 'xa-phuong', timeZone: DEFAULT_TIME_ZONE };
  const [draft, setDraft] = useState<Draft>(empty);
  const [shown, setShown] = useState<FieldProblems>({});
  const [done, setDone] = useState<string | null>(null);
  const action = useAction(SITE_FIELDS);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const problems = siteProblems(draft, { creating: true });
    setShown(problems);
    if (Object.keys(problems).length) return;
    const body = { code: draft.code.trim(), name: draft.name.trim(), kind: draft.kind, timeZone: draft.timeZone.trim() };
    if (await action.run(() => staffApi.call('POST /api/v1/sites', { body }))) {
      setDone(t('sites.created', { code: body.code, name: body.name }));
      setDraft(empty);
      scope.reloadSites();
    }
  }

  return (
    <section className="sv-card" aria-labelledby="ad-new-site">
      <h2 id="ad-new-site">{t('sites.new')}</h2>
      <form className="ad-form" onSubmit={(e) => void submit(e)} noValidate data-testid="site-form">
        <Note error={action.error} done={done} />
        <div className="ad-row">
          <SiteFields draft={draft} set={setDraft} problems={{ ...shown, ...action.fields }} creating />
          <button type="submit" className="btn btn-primary ad-submit" disabled={action.busy} data-testid="site-create">
            {t('sites.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

function SiteRow({ site, scope }: { site: SiteJson; scope: Scope }) {
  const { t, i18n } = useTranslation(['admin', 'supervisor']);
  const [editing, setEditing] = useState<Draft | null>(null);
  const [shown, setShown] = useState<FieldProblems>({});
  const [confirming, setConfirming] = useState(false);
  const action = useAction(SITE_FIELDS);
  const deactivated = Boolean(site.deactivatedAt);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!editing) return;
    const problems = siteProblems(editing, { creating: false });
    setShown(problems);
    if (Object.keys(problems).length) return;
    const body = { name: editing.name.trim(), kind: editing.kind, timeZone: editing.timeZone.trim() };
    if (await action.run(() => staffApi.call('PATCH /api/v1/sites/:id', { params: { id: site.id }, body }))) {
      setEditing(null);
      scope.reloadSites();
    }
  }

  async function setActive(active: boolean) {
    if (await action.run(() => staffApi.call('PATCH /api/v1/sites/:id', { params: { id: site.id }, body: { active } }))) {
      setConfirming(false);
      scope.reloadSites();
    }
  }

  if (editing)
    return (
      <tr data-testid={`site-row-${site.code}`}>
        <td colSpan={4}>
          <form className="ad-form" onSubmit={(e) => void save(e)} noValidate aria-label={t('sites.editOf', { code: site.code })}>
            <Note error={action.error} />
            <div className="ad-row">
              <span className="sv-code ad-row-code">{site.code}</span>
              <SiteFields draft={editing} set={setEditing} problems={{ ...shown, ...action.fields }} creating={false} />
              <span className="ad-actions">
                <button type="submit" className="btn btn-small btn-primary" disabled={action.busy} data-testid="site-save">
                  {t('save')}
                </button>
                <button type="button" className="btn btn-small" onClick={() => (setEditing(null), action.clear())}>
                  {t('cancel')}
                </button>
              </span>
            </div>
          </form>
        </td>
      </tr>
    );

  return (
    <tr data-testid={`site-row-${site.code}`} className={deactivated ? 'ad-off' : undefined}>
      <td>
        <span className="sv-code">{site.code}</span>
      </td>
      <th scope="row">
        <span className="sv-site-name">{site.name}</span>
        <span className="sv-site-meta">
          {t(`supervisor:kinds.${site.kind}`)} · <span lang="en">{site.timeZone}</span>
        </span>
      </th>
      <td>
        {deactivated ? (
          <span className="ad-badge ad-badge-off">{t('sites.deactivatedOn', { when: siteTime(scope, site.deactivatedAt, site.id, i18n.language) })}</span>
        ) : (
          <span className="ad-badge ad-badge-ok">{t('sites.active')}</span>
        )}
      </td>
      <td className="ad-cell-actions">
        {action.error && <Note error={action.error} />}
        {confirming ? (
          <Confirm
            question={t('sites.confirmDeactivate', { name: site.name })}
            yes={t('sites.deactivate')}
            no={t('keep')}
            busy={action.busy}
            onYes={() => void setActive(false)}
            onNo={() => setConfirming(false)}
          />
        ) : (
          <span className="ad-actions">
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                setShown({});
                setEditing({ code: site.code, name: site.name, kind: site.kind, timeZone: site.timeZone });
              }}
              aria-label={t('sites.editOf', { code: site.code })}
            >
              {t('edit')}
            </button>
            {deactivated ? (
              <button type="button" className="btn btn-small" onClick={() => void setActive(true)} disabled={action.busy} data-testid="site-reactivate">
                {t('sites.reactivate')}
              </button>
            ) : (
              <button type="button" className="btn btn-small" onClick={() => setConfirming(true)} data-testid="site-deactivate">
                {t('sites.deactivate')}
              </button>
            )}
          </span>
        )}
      </td>
    </tr>
  );
}

export function SitesSection({ scope }: { scope: Scope }) {
  const { t } = useTranslation('admin');
  const sorted = [...scope.sites].sort((a, b) => Number(Boolean(a.deactivatedAt)) - Number(Boolean(b.deactivatedAt)) || a.code.localeCompare(b.code));
  return (
    <>
      <NewSite scope={scope} />
      <section className="sv-card" aria-labelledby="ad-sites-title">
        <h2 id="ad-sites-title">{t('sites.title', { count: scope.sites.length })}</h2>
        <p className="muted sv-help">{t('sites.help')}</p>
        {sorted.length === 0 ? (
          <p className="muted">{t('sites.empty')}</p>
        ) : (
          <AdminTable columns={[t('sites.code'), t('sites.name'), t('status')]} actions={t('actions')} testId="sites-table">
            {sorted.map((s) => (
              <SiteRow key={s.id} site={s} scope={scope} />
            ))}
          </AdminTable>
        )}
      </section>
    </>
  );
}
