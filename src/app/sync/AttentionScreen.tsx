// "Needs attention": responses and refusals the server answered with conflict or rejected, kept on the tablet with
// the reason.
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../core';
import { formatDateTime } from '../../core/format';
import { problemText } from '../api/problem-text';
import { loadForm } from '../forms/forms';
import { label } from '../i18n/label';
import { navigate } from '../router';
import { needingAttention } from '../store/outbox';
import { db } from '../store/db';
import type { OutboxEntry, QueuedEntry, RefusalEntry } from '../store/types';
import { ExportUnsentCard } from './ExportUnsentCard';

interface Loaded {
  entries: OutboxEntry[];
  refusals: RefusalEntry[];
  forms: Map<string, FormDefinition>;
}

async function loadEntries(): Promise<Loaded> {
  const [responses, refusals] = await Promise.all([needingAttention(db.outbox), needingAttention(db.refusals)]);
  const entries = responses.sort((a, b) => a.response.completedAt.localeCompare(b.response.completedAt));
  refusals.sort((a, b) => a.refusal.occurredAt.localeCompare(b.refusal.occurredAt));
  const forms = new Map<string, FormDefinition>();
  const keys = [...entries.map((e) => e.response), ...refusals.map((e) => e.refusal)].map((r) => `${r.formId}@${r.formVersion}`);
  for (const key of new Set(keys)) {
    const [id, version] = key.split('@');
    const form = await loadForm(id, Number(version));
    if (form) forms.set(key, form);
  }
  return { entries, refusals, forms };
}

/**
 * One set-aside item: what happened, the server's verdict in the person's words, the item's own facts, then the
 * field and the server's details (in English, for whoever fixes the cause) and the item's id.
 */
function AttentionCard({ entry, testId, title, idLabel, children }: { entry: QueuedEntry; testId: string; title: string; idLabel: string; children: ReactNode }) {
  const { t, i18n } = useTranslation('sync');
  const v = entry.verdict;
  return (
    <li className="card" data-testid={testId} data-id={entry.id} data-state={entry.state}>
      <h2>{title}</h2>
      <p data-testid="attention-reason">{v?.code !== undefined ? problemText(v.code, i18n.language) : t('attention.localProblem')}</p>
      <dl className="facts">
        {children}
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
            <dd lang="en">{v.reason}</dd>
          </>
        )}
        <dt>{idLabel}</dt>
        <dd>
          <code>{entry.id}</code>
        </dd>
      </dl>
    </li>
  );
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
      {data && data.entries.length === 0 && data.refusals.length === 0 && (
        <p className="card" data-testid="attention-empty">
          {t('attention.empty')}
        </p>
      )}
      {data && data.entries.length > 0 && (
        <ul className="draft-list" data-testid="attention-list">
          {data.entries.map((e) => {
            const r = e.response;
            const form = data.forms.get(`${r.formId}@${r.formVersion}`);
            const title = t(e.state === 'conflict' ? 'attention.conflict' : 'attention.rejected');
            return (
              <AttentionCard key={e.id} entry={e} testId="attention-item" title={title} idLabel={t('attention.responseId')}>
                <dt>{t('attention.procedure')}</dt>
                <dd>{r.procedure ? [r.procedure.code, r.procedure.name].filter(Boolean).join(' — ') : t('attention.noProcedure')}</dd>
                <dt>{t('attention.completedAt')}</dt>
                <dd>{formatDateTime(r.completedAt, lang)}</dd>
                <dt>{t('attention.form')}</dt>
                <dd>
                  {form ? label(form.title, lang) : r.formId} (v{r.formVersion}) · {t(`attention.mode_${r.mode}`)}
                </dd>
              </AttentionCard>
            );
          })}
        </ul>
      )}
      {data && data.refusals.length > 0 && (
        <ul className="draft-list" data-testid="attention-refusals">
          {data.refusals.map((e) => {
            const r = e.refusal;
            const form = data.forms.get(`${r.formId}@${r.formVersion}`);
            const title = t(e.state === 'conflict' ? 'attention.refusalConflict' : 'attention.refusalRejected');
            return (
              <AttentionCard key={e.id} entry={e} testId="attention-refusal" title={title} idLabel={t('attention.refusalId')}>
                <dt>{t('attention.refusalReason')}</dt>
                <dd>{t(`attention.reason_${r.reason}`)}</dd>
                <dt>{t('attention.occurredAt')}</dt>
                <dd>{formatDateTime(r.occurredAt, lang)}</dd>
                <dt>{t('attention.form')}</dt>
                <dd>
                  {form ? label(form.title, lang) : r.formId} (v{r.formVersion})
                </dd>
              </AttentionCard>
            );
          })}
        </ul>
      )}
      <ExportUnsentCard />
    </main>
  );
}
