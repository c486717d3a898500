// Home: start an interview, resume or discard unfinished drafts, enter kiosk mode; the one safe place to update.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allItems, type FormDefinition } from '../../core';
import { formatDateTime } from '../../core/format';
import { availableForms } from '../forms/forms';
import { label } from '../i18n/label';
import { navigate } from '../router';
import { UpdateBanner } from '../shell/UpdateBanner';
import { startDraft, unfinishedDrafts } from '../store/drafts';
import { useSetting } from '../store/settings';
import { useEnrolmentInfo } from '../sync/sync-settings';
import { DraftList } from './DraftList';

/** What tells one questionnaire from another at a glance: its criteria and questions. */
function formSize(form: FormDefinition) {
  const items = allItems(form);
  return { criteria: items.filter((i) => i.type === 'likert5' && i.element).length, questions: items.length };
}

export function Home() {
  const { t, i18n } = useTranslation(['common', 'tablet']);
  const device = useSetting('device');
  const forms = useLiveQuery(() => availableForms('interview'), []);
  const drafts = useLiveQuery(unfinishedDrafts, []);
  const enrolment = useEnrolmentInfo();
  const [starting, setStarting] = useState(false);

  async function start(form: FormDefinition) {
    if (!device?.enumeratorId || starting) return;
    setStarting(true);
    try {
      const draft = await startDraft({
        formId: form.id,
        formVersion: form.version,
        mode: 'interview',
        siteId: device.siteId,
        deviceId: device.deviceId,
        enumeratorId: device.enumeratorId,
        locale: i18n.language === 'en' ? 'en' : 'vi',
      });
      navigate(`/interview/${draft.id}`);
    } finally {
      setStarting(false);
    }
  }

  // Until the device, its forms and the drafts are read, only the title shows: cards appearing one by one would
  // push those already drawn down the screen, under the person's finger.
  if (device === undefined || forms === undefined || drafts === undefined)
    return (
      <main className="page" aria-labelledby="home-title">
        <h1 id="home-title">{t('tablet:home.title')}</h1>
      </main>
    );

  return (
    <main className="page" aria-labelledby="home-title">
      <UpdateBanner />
      <h1 id="home-title">{t('tablet:home.title')}</h1>
      {device === null && (
        <section className="card">
          <h2>{t('tablet:home.notSetUp')}</h2>
          <p>{t('tablet:home.notSetUpHelp')}</p>
          <button type="button" className="btn btn-primary btn-large" onClick={() => navigate('/settings')}>
            {t('tablet:home.setUp')}
          </button>
        </section>
      )}
      {device && (
        <>
          <p className="muted" data-testid="device-summary">
            {t('tablet:home.deviceSummary', { site: device.siteName, enumerator: device.enumeratorName })}
          </p>
          <section className="card" aria-labelledby="start-title">
            <h2 id="start-title">{t('tablet:home.start')}</h2>
            {!device.enumeratorId && (
              <p className="banner banner-warn" role="status">
                {t('tablet:home.noEnumerator')}{' '}
                <button type="button" className="btn btn-small" onClick={() => navigate('/settings')}>
                  {t('tablet:home.settings')}
                </button>
              </p>
            )}
            <div className="button-grid">
              {forms.map((f) => (
                <button
                  key={`${f.id}@${f.version}`}
                  type="button"
                  className="btn btn-primary btn-large start-form"
                  disabled={starting || !device.enumeratorId}
                  onClick={() => void start(f)}
                  data-form-id={f.id}
                >
                  <span className="start-form-name">{label(f.shortTitle ?? f.title, i18n.language)}</span>
                  <span className="start-form-detail">
                    {formSize(f).criteria > 0 ? t('tablet:home.formSize', formSize(f)) : t('tablet:home.formQuestions', { count: formSize(f).questions })}
                  </span>
                </button>
              ))}
            </div>
          </section>
        </>
      )}
      <section className="card" aria-labelledby="drafts-title">
        <h2 id="drafts-title">{t('tablet:home.drafts')}</h2>
        {drafts.length === 0 && <p className="muted">{t('tablet:home.noDrafts')}</p>}
        {drafts.length > 0 && (
          <DraftList
            drafts={drafts}
            formName={(id) => {
              const f = forms.find((x) => x.id === id);
              return f ? label(f.shortTitle ?? f.title, i18n.language) : id;
            }}
            enumeratorName={(id) =>
              enrolment?.enumerators.find((e) => e.id === id)?.displayName ?? (device && id === device.enumeratorId ? device.enumeratorName : id)
            }
            formatWhen={(iso) => formatDateTime(iso, i18n.language)}
          />
        )}
      </section>
      <nav className="card nav-links" aria-label={t('tablet:home.more')}>
        <button type="button" className="btn" onClick={() => navigate('/kiosk')} disabled={!device}>
          {t('tablet:home.kiosk')}
        </button>
        <button type="button" className="btn" onClick={() => navigate('/attention')}>
          {t('tablet:home.attention')}
        </button>
        <button type="button" className="btn" onClick={() => navigate('/settings')}>
          {t('tablet:home.settings')}
        </button>
        <a className="btn" href="/supervisor">
          {t('tablet:home.supervisor')}
        </a>
      </nav>
    </main>
  );
}
