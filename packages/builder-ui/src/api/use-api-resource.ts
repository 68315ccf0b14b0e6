import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from './api-client';
import { useApi } from './api-context';

/** The state of one API read. */
export type ApiResource<T> =
  | { state: 'loading'; reload: () => void }
  | { state: 'failed'; error: unknown; reload: () => void }
  | { state: 'ready'; data: T; reloading: boolean; reload: () => void };

type Loaded<T> = { key: string } & (
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | { state: 'ready'; data: T; reloading: boolean }
);

/**
 * Loads `read(api)` when the component mounts and whenever `key` changes;
 * `reload` reads again while keeping the old data on screen. Answers that
 * arrive after a newer read started are dropped.
 */
export function useApiResource<T>(
  key: string,
  read: (api: ApiClient) => Promise<T>,
): ApiResource<T> {
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded<T>>({ key, state: 'loading' });
  const [generation, setGeneration] = useState(0);

  // `read` is a fresh closure on every render; `key` names what it reads, so
  // it is the dependency that matters.
  useEffect(() => {
    let current = true;
    setLoaded((previous) =>
      previous.state === 'ready' && previous.key === key
        ? { ...previous, reloading: true }
        : { key, state: 'loading' },
    );

    read(api).then(
      (data) => {
        if (current) {
          setLoaded({ key, state: 'ready', data, reloading: false });
        }
      },
      (error: unknown) => {
        if (current) {
          setLoaded({ key, state: 'failed', error });
        }
      },
    );

    return () => {
      current = false;
    };
  }, [api, key, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  if (loaded.key !== key) {
    return { state: 'loading', reload };
  }

  return { ...loaded, reload };
}
