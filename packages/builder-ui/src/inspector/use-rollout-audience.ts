import { useEffect, useState } from 'react';
import type { RolloutStep } from '@herald/engine';
import { useApi } from '../api/api-context';
import type { RolloutAudience } from '../api/api-types';

/** The audience as last counted, and whether that count is current. */
export interface RolloutAudienceState {
  /** The last count the server answered; null before the first. */
  audience: RolloutAudience | null;
  /** True while the Rollout differs from what `audience` counted. */
  counting: boolean;
  /** True when counting the current Rollout failed. */
  failed: boolean;
}

/** How long the Rollout must stay still before it is counted, in ms. */
export const AUDIENCE_DEBOUNCE_MS = 200;

/**
 * Counts the Rollout's audience over every current Customer on the
 * server. Counting waits until edits pause (a dragged slider sends one
 * request, not fifty), and a newer edit aborts the request in flight, so
 * a slow answer for an old percentage never replaces a newer one.
 */
export function useRolloutAudience(
  flowId: string | undefined,
  data: RolloutStep['data'],
): RolloutAudienceState {
  const api = useApi();
  const key = JSON.stringify(data);
  const [answer, setAnswer] = useState<{
    key: string | null;
    audience: RolloutAudience | null;
    failed: boolean;
  }>({ key: null, audience: null, failed: false });

  useEffect(() => {
    if (!flowId) {
      return;
    }

    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      const counted = JSON.parse(key) as RolloutStep['data'];
      api.countRolloutAudience(flowId, counted, controller.signal).then(
        (audience) => setAnswer({ key, audience, failed: false }),
        () => {
          if (!controller.signal.aborted) {
            setAnswer((last) => ({ ...last, key, failed: true }));
          }
        },
      );
    }, AUDIENCE_DEBOUNCE_MS);

    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [api, flowId, key]);

  return {
    audience: answer.audience,
    counting: answer.key !== key,
    failed: answer.failed && answer.key === key,
  };
}
