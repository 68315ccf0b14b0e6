/**
 * Tells a business user, above the Flow, what their role may change:
 * Rollout steps, published on the active version, and nothing else.
 */
export function RolloutOnlyBanner() {
  return (
    <p
      className="notice rollout-only-banner"
      role="note"
      data-testid="rollout-only-banner"
    >
      You can add, edit and remove Rollout steps and publish them; the rest of
      this flow is read-only.
    </p>
  );
}
