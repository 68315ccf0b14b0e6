import type { DeliveryPages } from './use-delivery-pages';

/** Below the list: loading, nothing found, or "Load more" for older ones. */
export function DeliveryListFooter({ pages }: { pages: DeliveryPages }) {
  if (pages.phase === 'loading') {
    return <p className="muted">Loading deliveries…</p>;
  }
  if (pages.phase === 'ready' && pages.items.length === 0) {
    return (
      <p className="muted" data-testid="deliveries-empty">
        No deliveries match these filters.
      </p>
    );
  }
  if (pages.phase !== 'ready' || !pages.hasMore) {
    return null;
  }

  return (
    <button
      type="button"
      className="button deliveries__more"
      onClick={pages.loadMore}
      data-testid="deliveries-load-more"
    >
      Load more
    </button>
  );
}
