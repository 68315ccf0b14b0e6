import { describe, expect, it } from 'vitest';
import type { RunningHerald } from '../herald.js';
import { welcomeBanner } from './welcome-banner.js';

function herald(overrides: {
  generatedToken?: string | null;
  adminToken?: string;
}): RunningHerald {
  return {
    url: 'http://127.0.0.1:3000',
    databaseUrl: 'postgres://127.0.0.1/herald',
    generatedToken: overrides.generatedToken ?? null,
    demoLoaded: false,
    config: { adminToken: overrides.adminToken },
  } as unknown as RunningHerald;
}

describe('welcomeBanner', () => {
  it('prints a token this start generated, with the link that uses it', () => {
    const banner = welcomeBanner(herald({ generatedToken: 'tok-123' }));

    expect(banner).toContain('Admin token (shown once, keep it): tok-123');
    expect(banner).toContain('Open: http://127.0.0.1:3000/#token=tok-123');
  });

  // Regression: a restart printed "Admin token: HERALD_ADMIN_TOKEN, or the
  // one printed at first start", which read as if that were the token.
  it('on a restart, says where the token is without naming a fake one', () => {
    const banner = welcomeBanner(herald({}));

    expect(banner).not.toContain('Admin token: HERALD_ADMIN_TOKEN');
    expect(banner).toContain(
      'Admin token: the one printed when Herald first started with this ' +
        'database (it is shown only once)',
    );
  });

  it('points at the environment variable when the token came from it', () => {
    const banner = welcomeBanner(herald({ adminToken: 'secret' }));

    expect(banner).toContain(
      'Admin token: the value you set in the HERALD_ADMIN_TOKEN environment variable',
    );
    expect(banner).not.toContain('secret');
  });
});
