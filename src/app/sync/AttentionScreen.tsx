// "Needs attention": responses the server answered with conflict or rejected, kept on the tablet with the reason.
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../core';
import { formatDateTime } from '../../core/format';
import { problemText } from '../api/problem-text';
import { loadForm } from '../forms/forms';
import { label } from '../i18n/label';
import { navigate } from '../router';
import { needingAttention } from '../store/outbox';
import type { OutboxEntry } from '../store/types';
import { ExportUnsentCard } from './ExportUnsentCard';

async function loadEntries(): Promise<{ entries: OutboxEntry[]; forms: Map<string, FormDefinition> }> {
  const entries = (await needingAttention()).sort((a, b) => a.response.completedAt.localeCompare(b.response.completedAt));
  const forms = new Map<string, FormDefinition>();
  for (const key of new Set(entries.map((e) => `${e.response.formId}@${e.response.formVersion}`))) {
    const [id, version] = key.split('@');
    const form = await loadForm(id, Number(version));
    if (form) forms.set(key, form);
  }
  return { entries, forms };
}

export default function AttentionScreen() {
  const { t, i18n } = useTranslation('sync');
  const data = useLiveQuery(loadEntries, []);
  const lang = i18n.language;
  return (
    <main className="page" aria-labelledby="attention-title">
      <button type="button" className="btn btn-link" onClick={() => navigate('/')}>
        ← {t('common:actions.home')}
      </button>
      <h1 id="attention-title">{t('attention.title')}</h1>
      <p>{t('attention.intro')}</p>
      {data && data.entries.length === 0 && (
        <p className="card" data-testid="attention-empty">
          {t('attention.empty')}
        </p>
      )}
      {data && data.entries.length > 0 && (
        <ul className="draft-list" data-testid="attention-list">
          {data.entries.map((e) => {
            const r = e.response;
            const form = data.forms.get(`${r.formId}@${r.formVersion}`);
            const v = e.verdict;
            return (
              <li key={e.id} className="card" data-testid="attention-item" data-id={e.id} data-state={e.state}>
                <h2>{t(e.state === 'conflict' ? 'attention.conflict' : 'attention.rejected')}</h2>
                <p data-testid="attention-reason">{v?.code !== undefined ? problemText(v.code, lang) : t('attention.localProblem')}</p>
                <dl className="facts">
                  <dt>{t('attention.procedure')}</dt>
                  <dd>{r.procedure ? [r.procedure.code, r.procedure.name].filter(Boolean).join(' — ') : t('attention.noProcedure')}</dd>
                  <dt>{t('attention.completedAt')}</dt>
                  <dd>{formatDateTime(r.completedAt, lang)}</dd>
                  <dt>{t('attention.form')}</dt>
                  <dd>
                    {form ? label(form.title, lang) : r.formId} (v{r.formVersion}) · {t(`attention.mode_${r.mode}`)}
                  </dd>
                  {v?.field && (
                    <>
                      <dt>{t('attention.field')}</dt>
                      <dd>
                        <code data-testid="attention-field">{v.field}</code>
                      </dd>
                    </>
                  )}
                  {v?.reason && (
                    <>
                      <dt>{t('attention.detail')}</dt>
                      {/* The server writes its details in English, for whoever fixes the cause. */}
                      <dd lang="en">{v.reason}</dd>
                    </>
                  )}
                  <dt>{t('attention.responseId')}</dt>
                  <dd>
                    <code>{e.id}</code>
                  </dd>
                </dl>
              </li>
            );
          })}
        </ul>
      )}
      <ExportUnsentCard />
    </main>
  );
}
