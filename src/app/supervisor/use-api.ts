// Loads one API resource for a screen and reloads when its URL changes; the last good data stays shown while reloading.
import { useEffect, useState } from 'react';
import type { Params, Query, Reply, RouteKey } from '../../core/protocol/routes';
import { staffApi } from '../api/staff';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
}

type Get = (route: RouteKey, options: object) => Promise<unknown>;

/** A GET of `route` (null: nothing to load yet) with its parameters and query. */
export function useApi<K extends RouteKey>(route: K | null, options: { params?: Params<K>; query?: Query<K> } = {}, reloadKey = 0): Loaded<Reply<K>> {
  const url = route === null ? null : staffApi.urlOf(route, options);
  const [state, setState] = useState<Loaded<Reply<K>>>({ data: null, error: null, loading: url !== null });
  useEffect(() => {
    if (route === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    (staffApi.call as Get)(route, options).then(
      (data) => live && setState({ data: data as Reply<K>, error: null, loading: false }),
      (error: unknown) => live && setState((s) => ({ data: s.data, error, loading: false })),
    );
    return () => {
      live = false;
    };
    // The URL stands for the route and its options: a new object with the same content is not a new request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, reloadKey]);
  return state;
}
