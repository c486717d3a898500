// React access to a form definition by id and version (undefined while loading, null if unknown).
import { useLiveQuery } from 'dexie-react-hooks';
import type { FormDefinition } from '../../core';
import { loadForm } from './forms';

export function useForm(id: string | undefined, version: number | undefined): FormDefinition | null | undefined {
  return useLiveQuery(async () => (id && version ? ((await loadForm(id, version)) ?? null) : null), [id, version]);
}
