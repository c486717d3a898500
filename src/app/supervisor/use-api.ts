// Loads one API resource for a screen and reloads when its URL changes; the last good data stays shown while reloading.
import { useEffect, useState } from 'react';
import { api } from './api';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
}

export function useApi<T>(url: string | null, reloadKey = 0): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: url !== null });
  useEffect(() => {
    if (url === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api<T>(url).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => live && setState((s) => ({ data: s.data, error, loading: false })),
    );
    return () => {
      live = false;
    };
  }, [url, reloadKey]);
  return state;
}
