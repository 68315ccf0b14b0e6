/**
 * Loads a Flow's active version (graph and the Template copies it was
 * published with), again whenever the active version changes.
 */
import { useEffect, useState } from 'react';
import type { FlowVersionDetail } from '../api/access-types';
import { useApi } from '../api/api-context';

/** The active version, while loading, once loaded, or why it failed. */
export type ActiveVersion =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | { state: 'ready'; detail: FlowVersionDetail | null };

/** The active version of `flowId`; `version` null: never published. */
export function useActiveVersion(
  flowId: string,
  version: number | null,
): ActiveVersion {
  const api = useApi();
  const [active, setActive] = useState<ActiveVersion>({ state: 'loading' });

  useEffect(() => {
    if (version === null) {
      setActive({ state: 'ready', detail: null });
      return;
    }

    let current = true;
    setActive({ state: 'loading' });
    api.getVersion(flowId, version).then(
      (detail) => current && setActive({ state: 'ready', detail }),
      (error: unknown) => current && setActive({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [api, flowId, version]);

  return active;
}
