// People: supervisors and admins (an admin's work: username, name, sites, password reset, disable) and the
// enumerators of the caller's sites (site, name, PIN set, reset or cleared, disable), each list with its add form.
import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../core/format';
import type { PersonJson, PersonPatch } from '../../core/protocol/people';
import { errorText } from '../api/error-text';
import { staffApi } from '../api/staff';
import { useApi } from '../supervisor/use-api';
import { displayNameProblem, enumeratorProblems, passwordProblem, pinProblem, staffProblems, type FieldProblems, type StaffDraft } from './console-logic';
import { siteLabel, type Scope } from './scope';
import { AdminTable, Confirm, Field, Note, SiteFilter, useAction } from './ui';

const STAFF_FIELDS = ['username', 'displayName', 'password', 'siteIds', 'role'];
const ENUMERATOR_FIELDS = ['displayName', 'siteId', 'pin'];

function SitePicker({ scope, value, onChange, problem, legend }: { scope: Scope; value: string[]; onChange: (ids: string[]) => void; problem?: string; legend: string }) {
  const { t } = useTranslation('admin');
  const active = scope.sites.filter((s) => !s.deactivatedAt || value.includes(s.id));
  return (
    <fieldset className="ad-sites-pick" aria-invalid={problem !== undefined} data-testid="site-picker">
      <legend>{legend}</legend>
      <div className="ad-sites-list">
        {active.map((s) => (
          <label key={s.id} className="ad-check">
            <input
              type="checkbox"
              checked={value.includes(s.id)}
              onChange={(e) => onChange(e.target.checked ? [...value, s.id] : value.filter((id) => id !== s.id))}
            />
            <span>
              {s.name} <span className="muted">({s.code})</span>
            </span>
          </label>
        ))}
      </div>
      {problem && <span className="ad-error">{t(`invalid.${problem}`)}</span>}
    </fieldset>
  );
}

function NewStaff({ scope, onDone }: { scope: Scope; onDone: () => void }) {
  const { t } = useTranslation(['admin', 'supervisor']);
  const empty: StaffDraft = { username: '', displayName: '', password: '', role: 'supervisor', siteIds: [] };
  const [d, setD] = useState<StaffDraft>(empty);
  const [shown, setShown] = useState<FieldProblems>({});
  const [done, setDone] = useState<string | null>(null);
  const action = useAction(STAFF_FIELDS);
  const problems = { ...shown, ...action.fields };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const p = staffProblems(d);
    setShown(p);
    if (Object.keys(p).length) return;
    const base = { username: d.username.trim(), displayName: d.displayName.trim(), password: d.password };
    const body = d.role === 'admin' ? { role: 'admin' as const, ...base } : { role: 'supervisor' as const, ...base, siteIds: d.siteIds };
    if (await action.run(() => staffApi.call('POST /api/v1/users', { body }))) {
      setDone(t('people.created', { name: base.displayName }));
      setD(empty);
      onDone();
    }
  }

  return (
    <form className="ad-form ad-subcard" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="ad-new-staff" data-testid="staff-form">
      <h3 id="ad-new-staff">{t('people.newStaff')}</h3>
      <Note error={action.error} done={done} />
      <div className="ad-row">
        <Field label={t('people.role')}>
          {(f) => (
            <select id={f.id} value={d.role} onChange={(e) => setD({ ...d, role: e.target.value as StaffDraft['role'] })} data-testid="staff-role">
              <option value="supervisor">{t('supervisor:header.role_supervisor')}</option>
              <option value="admin">{t('supervisor:header.role_admin')}</option>
            </select>
          )}
        </Field>
        <Field label={t('people.username')} problem={problems.username} hint={t('people.usernameHint')} className="ad-w-user">
          {(f) => (
            <input
              id={f.id}
              value={d.username}
              onChange={(e) => setD({ ...d, username: e.target.value })}
              aria-invalid={f.invalid}
              aria-describedby={f.describedBy}
              autoCapitalize="none"
              autoComplete="off"
              spellCheck={false}
              data-testid="staff-username"
            />
          )}
        </Field>
        <Field label={t('people.displayName')} problem={problems.displayName} className="ad-grow">
          {(f) => <input id={f.id} value={d.displayName} onChange={(e) => setD({ ...d, displayName: e.target.value })} aria-invalid={f.invalid} aria-describedby={f.describedBy} data-testid="staff-name" />}
        </Field>
        <Field label={t('people.password')} problem={problems.password} hint={t('people.passwordHint')} className="ad-w-user">
          {(f) => (
            <input
              id={f.id}
              type="password"
              autoComplete="new-password"
              value={d.password}
              onChange={(e) => setD({ ...d, password: e.target.value })}
              aria-invalid={f.invalid}
              aria-describedby={f.describedBy}
              data-testid="staff-password"
            />
          )}
        </Field>
      </div>
      {d.role === 'supervisor' && <SitePicker scope={scope} value={d.siteIds} onChange={(siteIds) => setD({ ...d, siteIds })} problem={problems.siteIds} legend={t('people.sites')} />}
      <div>
        <button type="submit" className="btn btn-primary" disabled={action.busy} data-testid="staff-create">
          {t('people.createStaff')}
        </button>
      </div>
    </form>
  );
}

type Mode = 'view' | 'edit' | 'secret' | 'disable';

/** One person's row: their facts, and the change being made to them (edit, password or PIN, disable). */
function PersonRow({ person, scope, onChanged }: { person: PersonJson; scope: Scope; onChanged: () => void }) {
  const { t, i18n } = useTranslation(['admin', 'supervisor']);
  const lang = i18n.language;
  const enumerator = person.role === 'enumerator';
  const [mode, setMode] = useState<Mode>('view');
  const [name, setName] = useState(person.displayName);
  const [siteIds, setSiteIds] = useState(person.siteIds);
  const [secret, setSecret] = useState('');
  const [shown, setShown] = useState<FieldProblems>({});
  const [done, setDone] = useState<string | null>(null);
  const action = useAction(['displayName', 'siteIds', 'password', 'pin']);
  const problems = { ...shown, ...action.fields };
  const self = person.id === scope.me.user.id;
  // Only an admin manages supervisors and admins; a supervisor their own enumerators.
  const manageable = scope.admin || enumerator;

  async function patch(body: PersonPatch, message: string) {
    setDone(null);
    if (await action.run(() => staffApi.call('PATCH /api/v1/users/:id', { params: { id: person.id }, body }))) {
      setMode('view');
      setSecret('');
      setDone(message);
      onChanged();
    }
  }

  function open(m: Mode) {
    setShown({});
    action.clear();
    setDone(null);
    setName(person.displayName);
    setSiteIds(person.siteIds);
    setSecret('');
    setMode(m);
  }

  async function saveEdit(e: FormEvent) {
    e.preventDefault();
    const p: FieldProblems = {};
    const nameProblem = displayNameProblem(name);
    if (nameProblem) p.displayName = nameProblem;
    if (person.role === 'supervisor' && siteIds.length === 0) p.siteIds = 'sites';
    if (enumerator && siteIds.length !== 1) p.siteIds = 'required';
    setShown(p);
    if (Object.keys(p).length) return;
    await patch({ displayName: name.trim(), ...(person.role === 'admin' ? {} : { siteIds }) }, t('people.saved', { name: name.trim() }));
  }

  async function saveSecret(e: FormEvent) {
    e.preventDefault();
    const problem = enumerator ? pinProblem(secret) : passwordProblem(secret);
    setShown(problem ? { [enumerator ? 'pin' : 'password']: problem } : {});
    if (problem) return;
    await patch(enumerator ? { pin: secret } : { password: secret }, t(enumerator ? 'people.pinSet' : 'people.passwordReset', { name: person.displayName }));
  }

  const codes = person.siteIds.map((id) => scope.byId.get(id)?.code ?? id).sort();
  // Each code kept whole ("HP-LC-AB" never split at its hyphens); the list breaks between codes.
  const sitesText =
    person.role === 'admin'
      ? t('people.allSites')
      : codes.length === 0
        ? '—'
        : codes.map((c, i) => (
            <Fragment key={c}>
              {i > 0 && ', '}
              <span className="sv-nowrap">{c}</span>
            </Fragment>
          ));
  const created = t('people.since', { when: formatDate(person.createdAt, lang, scope.byId.get(person.siteIds[0] ?? '')?.timeZone) });
  // Name, role, and the state only when it is not the usual one: fewer columns, so the table fits a portrait screen.
  const cells = (
    <>
      <th scope="row">
        <span className="sv-site-name">{person.displayName}</span>
        <span className="sv-site-meta">{enumerator ? created : `${t(`supervisor:header.role_${person.role}`)} · ${created}`}</span>
        {person.disabled && <span className="ad-badge ad-badge-off">{t('people.disabled')}</span>}
      </th>
      {!enumerator && (
        <td className="ad-mono ad-username" lang="en">
          {person.username}
        </td>
      )}
      <td className="ad-codes">{enumerator ? (person.siteIds[0] ? siteLabel(scope, person.siteIds[0]) : '—') : sitesText}</td>
      {enumerator && <td>{person.hasPin ? <span className="ad-badge ad-badge-ok">{t('people.hasPin')}</span> : <span className="muted">{t('people.noPin')}</span>}</td>}
    </>
  );

  return (
    <tr data-testid={`person-row-${enumerator ? person.displayName : person.username}`} className={person.disabled ? 'ad-off' : undefined}>
      {cells}
      <td className="ad-cell-actions">
        <Note error={action.error} done={done} />
        {mode === 'view' && manageable && (
          <span className="ad-actions">
            <button type="button" className="btn btn-small" onClick={() => open('edit')} aria-label={t('people.editOf', { name: person.displayName })}>
              {t('edit')}
            </button>
            {enumerator ? (
              <>
                <button type="button" className="btn btn-small" onClick={() => open('secret')} data-testid="person-pin">
                  {t(person.hasPin ? 'people.resetPin' : 'people.setPin')}
                </button>
                {person.hasPin && (
                  <button type="button" className="btn btn-small" onClick={() => void patch({ pin: null }, t('people.pinCleared', { name: person.displayName }))} disabled={action.busy} data-testid="person-clear-pin">
                    {t('people.clearPin')}
                  </button>
                )}
              </>
            ) : (
              <button type="button" className="btn btn-small" onClick={() => open('secret')} data-testid="person-password">
                {t('people.resetPassword')}
              </button>
            )}
            {person.disabled ? (
              <button type="button" className="btn btn-small" onClick={() => void patch({ disabled: false }, t('people.enabledNow', { name: person.displayName }))} disabled={action.busy} data-testid="person-enable">
                {t('people.enable')}
              </button>
            ) : (
              !self && (
                <button type="button" className="btn btn-small" onClick={() => open('disable')} data-testid="person-disable">
                  {t('people.disable')}
                </button>
              )
            )}
          </span>
        )}
        {mode === 'disable' && (
          <Confirm
            question={t(enumerator ? 'people.confirmDisableEnumerator' : 'people.confirmDisable', { name: person.displayName })}
            yes={t('people.disable')}
            no={t('keep')}
            busy={action.busy}
            onYes={() => void patch({ disabled: true }, t('people.disabledNow', { name: person.displayName }))}
            onNo={() => setMode('view')}
          />
        )}
        {mode === 'secret' && (
          <form className="ad-inline-form" onSubmit={(e) => void saveSecret(e)} noValidate>
            <Field label={t(enumerator ? 'people.newPin' : 'people.newPassword')} problem={problems[enumerator ? 'pin' : 'password']} hint={t(enumerator ? 'people.pinHint' : 'people.passwordHint')}>
              {(f) => (
                <input
                  id={f.id}
                  type="password"
                  inputMode={enumerator ? 'numeric' : undefined}
                  autoComplete="new-password"
                  autoFocus
                  value={secret}
                  onChange={(e) => setSecret(e.target.value)}
                  aria-invalid={f.invalid}
                  aria-describedby={f.describedBy}
                  data-testid="person-secret"
                />
              )}
            </Field>
            <span className="ad-actions">
              <button type="submit" className="btn btn-small btn-primary" disabled={action.busy} data-testid="person-secret-save">
                {t('save')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => setMode('view')}>
                {t('cancel')}
              </button>
            </span>
          </form>
        )}
        {mode === 'edit' && (
          <form className="ad-inline-form" onSubmit={(e) => void saveEdit(e)} noValidate>
            <Field label={t('people.displayName')} problem={problems.displayName}>
              {(f) => <input id={f.id} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} autoFocus data-testid="person-name" />}
            </Field>
            {person.role === 'supervisor' && <SitePicker scope={scope} value={siteIds} onChange={setSiteIds} problem={problems.siteIds} legend={t('people.sites')} />}
            {enumerator && (
              <Field label={t('people.site')} problem={problems.siteIds}>
                {(f) => (
                  <select id={f.id} value={siteIds[0] ?? ''} onChange={(e) => setSiteIds([e.target.value])} aria-describedby={f.describedBy}>
                    {scope.sites
                      .filter((s) => !s.deactivatedAt || s.id === siteIds[0])
                      .map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.name} ({s.code})
                        </option>
                      ))}
                  </select>
                )}
              </Field>
            )}
            <span className="ad-actions">
              <button type="submit" className="btn btn-small btn-primary" disabled={action.busy}>
                {t('save')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => setMode('view')}>
                {t('cancel')}
              </button>
            </span>
          </form>
        )}
      </td>
    </tr>
  );
}

function NewEnumerator({ scope, defaultSiteId, onDone }: { scope: Scope; defaultSiteId: string; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const activeSites = scope.sites.filter((s) => !s.deactivatedAt);
  const [d, setD] = useState({ displayName: '', siteId: defaultSiteId || activeSites[0]?.id || '', pin: '' });
  const [shown, setShown] = useState<FieldProblems>({});
  const [done, setDone] = useState<string | null>(null);
  const action = useAction(ENUMERATOR_FIELDS);
  const problems = { ...shown, ...action.fields };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const p = enumeratorProblems(d);
    setShown(p);
    if (Object.keys(p).length) return;
    const body = { role: 'enumerator' as const, displayName: d.displayName.trim(), siteId: d.siteId, pin: d.pin || null };
    if (await action.run(() => staffApi.call('POST /api/v1/users', { body }))) {
      setDone(t(d.pin ? 'people.createdWithPin' : 'people.created', { name: body.displayName }));
      setD({ ...d, displayName: '', pin: '' });
      onDone();
    }
  }

  if (activeSites.length === 0) return <p className="muted">{t('people.noSites')}</p>;
  return (
    <form className="ad-form ad-subcard" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="ad-new-enumerator" data-testid="enumerator-form">
      <h3 id="ad-new-enumerator">{t('people.newEnumerator')}</h3>
      <Note error={action.error} done={done} />
      <div className="ad-row">
        <Field label={t('people.site')} problem={problems.siteId}>
          {(f) => (
            <select id={f.id} value={d.siteId} onChange={(e) => setD({ ...d, siteId: e.target.value })} aria-describedby={f.describedBy} data-testid="enumerator-site">
              {activeSites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.code})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('people.displayName')} problem={problems.displayName} className="ad-grow">
          {(f) => <input id={f.id} value={d.displayName} onChange={(e) => setD({ ...d, displayName: e.target.value })} aria-invalid={f.invalid} aria-describedby={f.describedBy} data-testid="enumerator-name" />}
        </Field>
        <Field label={t('people.pinOptional')} problem={problems.pin} hint={t('people.pinHint')} className="ad-w-pin">
          {(f) => (
            <input
              id={f.id}
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              value={d.pin}
              onChange={(e) => setD({ ...d, pin: e.target.value })}
              aria-invalid={f.invalid}
              aria-describedby={f.describedBy}
              data-testid="enumerator-pin"
            />
          )}
        </Field>
        <button type="submit" className="btn btn-primary ad-submit" disabled={action.busy} data-testid="enumerator-create">
          {t('people.createEnumerator')}
        </button>
      </div>
    </form>
  );
}

export function PeopleSection({ scope }: { scope: Scope }) {
  const { t, i18n } = useTranslation(['admin', 'problems']);
  const [siteId, setSiteId] = useState('');
  const [reload, setReload] = useState(0);
  const people = useApi('GET /api/v1/users', { query: {} }, reload);
  const all = people.data?.people ?? [];
  const inSite = (p: PersonJson) => !siteId || p.siteIds.includes(siteId);
  const byName = (a: PersonJson, b: PersonJson) => Number(a.disabled) - Number(b.disabled) || a.displayName.localeCompare(b.displayName, i18n.language);
  const staff = all.filter((p) => p.role !== 'enumerator' && (p.role === 'admin' || inSite(p))).sort(byName);
  const enumerators = all.filter((p) => p.role === 'enumerator' && inSite(p)).sort(byName);
  const changed = () => setReload((n) => n + 1);

  return (
    <>
      <div className="sv-filters ad-filters">
        <SiteFilter label={t('people.filterSite')} sites={scope.sites} value={siteId} onChange={setSiteId} testId="people-site" />
        {people.loading && <span className="muted">{t('loading')}</span>}
      </div>
      {people.error != null && <Note error={errorText(people.error, i18n.language, 'staff')} />}

      {scope.admin && (
        <section className="sv-card" aria-labelledby="ad-staff-title">
          <h2 id="ad-staff-title">{t('people.staffTitle', { count: staff.length })}</h2>
          <p className="muted sv-help">{t('people.staffHelp')}</p>
          {people.data && (
            <AdminTable columns={[t('people.displayName'), t('people.username'), t('people.sites')]} actions={t('actions')} testId="staff-table">
              {staff.map((p) => (
                <PersonRow key={p.id} person={p} scope={scope} onChanged={changed} />
              ))}
            </AdminTable>
          )}
          <NewStaff scope={scope} onDone={changed} />
        </section>
      )}

      <section className="sv-card" aria-labelledby="ad-enumerators-title">
        <h2 id="ad-enumerators-title">{t('people.enumeratorsTitle', { count: enumerators.length })}</h2>
        <p className="muted sv-help">{t('people.enumeratorsHelp')}</p>
        {people.data &&
          (enumerators.length === 0 ? (
            <p className="muted">{t('people.noEnumerators')}</p>
          ) : (
            <AdminTable columns={[t('people.displayName'), t('people.site'), t('people.pin')]} actions={t('actions')} testId="enumerators-table">
              {enumerators.map((p) => (
                <PersonRow key={p.id} person={p} scope={scope} onChanged={changed} />
              ))}
            </AdminTable>
          ))}
        <NewEnumerator key={siteId} scope={scope} defaultSiteId={siteId} onDone={changed} />
      </section>
    </>
  );
}
