// Unfinished interviews, each with its questionnaire and enumerator: resume at the exact question, or discard after a
// confirmation.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../router';
import { ConfirmDiscard } from '../shell/ConfirmDiscard';
import { discardDraft, hasLostForm } from '../store/drafts';
import type { Draft } from '../store/types';

export function DraftList({
  drafts,
  formName,
  enumeratorName,
  formatWhen,
}: {
  drafts: Draft[];
  /** The questionnaire as a person knows it (its short title), for a form id. */
  formName: (formId: string) => string;
  enumeratorName: (enumeratorId: string) => string;
  formatWhen: (iso: string) => string;
}) {
  const { t } = useTranslation(['common', 'tablet']);
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <ul className="draft-list">
      {drafts.map((d) => {
        const lostForm = hasLostForm(d);
        const meta = {
          answered: Object.keys(d.answers).length,
          when: formatWhen(d.updatedAt),
          form: d.formId === null ? '' : formName(d.formId),
          enumerator: d.enumeratorId ? enumeratorName(d.enumeratorId) : t('tablet:home.noEnumeratorName'),
        };
        return (
          <li key={d.id} className="draft-row" data-draft-id={d.id} data-lost-form={lostForm || undefined}>
            <div>
              <strong>{d.procedure ? `${d.procedure.code} ${d.procedure.name}`.trim() : t('tablet:home.noProcedure')}</strong>
              <div className="muted">{lostForm ? t('tablet:home.draftMetaLostForm', meta) : t('tablet:home.draftMeta', meta)}</div>
              {lostForm && <p className="draft-warning">{t('tablet:home.lostForm')}</p>}
            </div>
            {confirming === d.id ? (
              <ConfirmDiscard
                question={t('tablet:home.confirmDiscard')}
                onDiscard={() => void discardDraft(d.id).then(() => setConfirming(null))}
                onKeep={() => setConfirming(null)}
              />
            ) : (
              <div className="row-actions">
                {!lostForm && (
                  <button type="button" className="btn btn-primary" onClick={() => navigate(`/interview/${d.id}`)}>
                    {t('tablet:home.resume')}
                  </button>
                )}
                <button type="button" className="btn" onClick={() => setConfirming(d.id)}>
                  {t('tablet:home.discard')}
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
