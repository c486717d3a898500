// One response opened from a quality flag: who, when, how long, why it was flagged, and every answer with its label.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../core/format';
import type { ResponseDetail } from '../../core/protocol/scores';
import { errorText } from '../api/error-text';
import { label } from '../i18n/label';
import { ExclusionDialog } from './ExclusionDialog';
import { minutes } from './format';
import { useApi } from './use-api';

function valueText(a: ResponseDetail['answers'][number], lang: string): string {
  if (a.value === null || a.value === undefined) return '—';
  const code = Array.isArray(a.value) ? a.value.join('; ') : String(a.value);
  return a.valueLabel ? `${label(a.valueLabel, lang)} (${code})` : code;
}

/** With `onChanged`, the drawer offers to exclude the response from the scores or restore it (issue 11). */
export function ResponseDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged?: () => void }) {
  const { t, i18n } = useTranslation(['supervisor', 'problems']);
  const lang = i18n.language;
  const [version, setVersion] = useState(0);
  const { data, error } = useApi('GET /api/v1/responses/:id', { params: { id } }, version);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="sv-drawer" aria-labelledby="sv-drawer-title" onClose={onClose} data-testid="response-drawer">
      <header className="sv-drawer-head">
        <h2 id="sv-drawer-title">{t('detail.title')}</h2>
        <button type="button" className="btn btn-small" onClick={() => dialog.current?.close()}>
          {t('detail.close')}
        </button>
      </header>
      {error != null && <p className="sv-note sv-note-error">{errorText(error, lang, 'staff')}</p>}
      {!data && error == null && <p className="muted">{t('loading')}</p>}
      {data && (
        <>
          <dl className="facts">
            <dt>{t('detail.id')}</dt>
            <dd className="sv-mono">{data.id}</dd>
            <dt>{t('ranking.site')}</dt>
            <dd>
              {data.site.name} ({data.site.code})
            </dd>
            <dt>{t('detail.when')}</dt>
            <dd>
              {formatDateTime(data.startedAt, lang)} → {formatDateTime(data.completedAt, lang)}
            </dd>
            <dt>{t('detail.received')}</dt>
            <dd>{formatDateTime(data.receivedAt, lang)}</dd>
            <dt>{t('quality.duration')}</dt>
            <dd>{t('quality.minutes', { value: minutes(data.durationMs, lang) })}</dd>
            {data.procedure && (
              <>
                <dt>{t('detail.procedure')}</dt>
                <dd>
                  {data.procedure.code} · {data.procedure.name}
                </dd>
              </>
            )}
            <dt>{t('quality.flags')}</dt>
            <dd>
              {data.flags.length === 0
                ? t('detail.noFlags')
                : data.flags.map((f) => (
                    <span key={f} className={`sv-flag sv-flag-${f}`} title={t(`quality.help_${f}`)}>
                      {t(`quality.flag_${f}`)}
                    </span>
                  ))}
            </dd>
          </dl>
          {onChanged && (
            <ExclusionDialog
              responseId={data.id}
              excluded={data.excluded ?? null}
              onChanged={() => {
                setVersion((v) => v + 1);
                onChanged();
              }}
            />
          )}
          <table className="sv-table sv-answers">
            <caption>{t('detail.answers')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('detail.item')}</th>
                <th scope="col">{t('detail.answer')}</th>
              </tr>
            </thead>
            <tbody>
              {data.answers.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <span className="sv-code">{a.id}</span> {a.label ? label(a.label, lang) : ''}
                  </th>
                  <td>{valueText(a, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </dialog>
  );
}
