// Problem codes and network failures → one sentence for a supervisor, in their language.
import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from './api';

const KNOWN = ['400.1', '401.1', '401.3', '403.1', '403.2', '404.2', '404.3', '429.1'];

export function errorText(err: unknown, t: TFunction): string {
  if (err instanceof NetworkError) return t('supervisor:errors.network');
  if (err instanceof ApiError) {
    const code = err.code === null ? null : err.code.toFixed(1);
    if (code && KNOWN.includes(code)) return t(`supervisor:errors.${code.replace('.', '_')}`);
    if (err.status >= 500) return t('supervisor:errors.server');
    return t('supervisor:errors.unknown', { status: err.status });
  }
  return t('supervisor:errors.unknown', { status: '?' });
}
