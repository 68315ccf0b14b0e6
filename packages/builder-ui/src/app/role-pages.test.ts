import { describe, expect, it } from 'vitest';
import type { AppRoute } from './app-route';
import { canOpen, homeRoute, routeFor } from './role-pages';

describe('routeFor', () => {
  it.each<[string, AppRoute, AppRoute]>([
    // Regression: an agent signing in landed on Flows and got 403s.
    ['agent', { page: 'flows' }, { page: 'conversations' }],
    ['agent', { page: 'outbox' }, { page: 'conversations' }],
    ['agent', { page: 'profile' }, { page: 'profile' }],
    ['business', { page: 'flows' }, { page: 'flows' }],
    ['business', { page: 'conversations' }, { page: 'flows' }],
    ['business', { page: 'access' }, { page: 'flows' }],
    ['admin', { page: 'flow', flowId: 'f1' }, { page: 'flow', flowId: 'f1' }],
    ['admin', { page: 'audit' }, { page: 'audit' }],
    ['ingest', { page: 'flows' }, { page: 'profile' }],
  ])('sends %s asking for %j to %j', (role, requested, shown) => {
    expect(routeFor(role as never, requested)).toEqual(shown);
  });
});

describe('homeRoute', () => {
  it('starts agents in the console and others on the flows list', () => {
    expect(homeRoute('agent')).toEqual({ page: 'conversations' });
    expect(homeRoute('business')).toEqual({ page: 'flows' });
    expect(homeRoute('admin')).toEqual({ page: 'flows' });
  });
});

describe('canOpen', () => {
  it('keeps admin-only pages from business users', () => {
    expect(canOpen('business', 'access')).toBe(false);
    expect(canOpen('business', 'audit')).toBe(false);
    expect(canOpen('business', 'conversation-policy')).toBe(false);
  });
});
