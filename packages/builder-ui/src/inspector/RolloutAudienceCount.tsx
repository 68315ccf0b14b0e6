import type { RolloutAudienceState } from './use-rollout-audience';

/** Props of {@link RolloutAudienceCount}. */
export interface RolloutAudienceCountProps {
  /** The count as {@link useRolloutAudience} keeps it. */
  state: RolloutAudienceState;
}

const number = new Intl.NumberFormat('en-US');

/**
 * How many current Customers the Rollout would admit, out of all of them,
 * counted on the server with the engine's own audience test. The last
 * count stays on screen, dimmed, while a newer one is on its way.
 */
export function RolloutAudienceCount({ state }: RolloutAudienceCountProps) {
  const { audience, counting, failed } = state;
  if (failed) {
    return (
      <p className="notice" role="alert" data-testid="rollout-audience">
        The audience could not be counted; edit the rollout to try again.
      </p>
    );
  }

  if (!audience) {
    return (
      <p className="muted" data-testid="rollout-audience" aria-busy="true">
        Counting the audience…
      </p>
    );
  }

  return (
    <p
      className={counting ? 'notice rollout-audience--stale' : 'notice'}
      aria-live="polite"
      aria-busy={counting}
      data-testid="rollout-audience"
      data-count={audience.admitted}
      data-total={audience.total}
      data-counting={counting ? 'true' : undefined}
    >
      <span>
        <strong>{number.format(audience.admitted)}</strong> of{' '}
        {number.format(audience.total)} current customers are in this audience
        {counting ? ' (counting…)' : '.'}
      </span>
    </p>
  );
}
