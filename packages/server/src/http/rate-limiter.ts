/**
 * A fixed-window request counter per key, kept in this process's memory.
 *
 * Limitation: each HTTP server counts on its own, so behind a load
 * balancer with n servers a client may make up to n times the limit.
 */

/** Counts hits per key in windows of `windowMs`. */
export interface RateLimiter {
  /** Counts one hit; answers the seconds to wait when over the limit. */
  hit(key: string): number | null;
}

/** Creates a limiter allowing `max` hits per key per window. */
export function createRateLimiter(max: number, windowMs = 60_000): RateLimiter {
  const windows = new Map<string, { count: number; endsAt: number }>();
  let sweepAt = Date.now() + windowMs;

  return {
    hit(key) {
      const now = Date.now();
      if (now >= sweepAt) {
        sweep(windows, now);
        sweepAt = now + windowMs;
      }

      let window = windows.get(key);
      if (!window || window.endsAt <= now) {
        window = { count: 0, endsAt: now + windowMs };
        windows.set(key, window);
      }

      window.count += 1;
      return window.count > max
        ? Math.ceil((window.endsAt - now) / 1000)
        : null;
    },
  };
}

function sweep(
  windows: Map<string, { count: number; endsAt: number }>,
  now: number,
) {
  for (const [key, window] of windows) {
    if (window.endsAt <= now) {
      windows.delete(key);
    }
  }
}
