/**
 * A business user publishes Rollout changes on top of the active version:
 * adding a Rollout into a path, editing or removing one. Anything else in
 * the graph is refused with the step at fault, and an admin's unpublished
 * draft never goes live through it.
 */
import type { FlowGraph } from '@herald/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestUser,
  signInAs,
  type SessionClient,
} from './access-client.js';
import {
  expectOk,
  publishShippingFlow,
  seedBasics,
  shippingGraph,
} from './fixtures.js';
import { startTestHerald, type TestHerald } from './test-herald.js';

describe('POST /api/flows/:id/rollout-publish', () => {
  let herald: TestHerald;
  let business: SessionClient;
  let flowId: string;

  beforeAll(async () => {
    herald = await startTestHerald({ worker: false });
    await seedBasics(herald);
    flowId = await publishShippingFlow(herald);
    await createTestUser(herald, 'bea@example.com', 'business');
    business = await signInAs(herald, 'bea@example.com');
  });

  afterAll(async () => {
    await herald?.stop();
  });

  const publish = (graph: FlowGraph) =>
    business.call(`/api/flows/${flowId}/rollout-publish`, { body: { graph } });

  it('publishes a Rollout added into a path and an edited one', async () => {
    const graph = shippingGraph();
    graph.steps.push({
      id: 'west',
      type: 'rollout',
      data: { regions: ['West'], percentage: 25 },
    });
    graph.edges = graph.edges
      .filter((edge) => edge.id !== 'e4')
      .concat([
        { id: 'e4a', source: 'message', target: 'west' },
        { id: 'e4b', source: 'west', target: 'send' },
      ]);
    const vip = graph.steps.find((step) => step.id === 'vip-only')!;
    vip.data = { tiers: ['VIP'] };

    const answer = await publish(graph);
    expect(answer.status).toBe(201);
    expect(answer.body.version).toBe(2);
    const version = await herald.api(`/api/flows/${flowId}/versions/2`);
    expect(version.body.publishedBy).toBe('bea@example.com');
    const ids = version.body.graph.steps.map((step: { id: string }) => step.id);
    expect(ids).toContain('west');
  });

  it('publishes a Rollout removed from a path', async () => {
    const graph = shippingGraph();
    graph.steps = graph.steps.filter((step) => step.id !== 'vip-only');
    graph.edges = [
      { id: 'e1', source: 'trigger', target: 'shipped' },
      { id: 'e2', source: 'shipped', target: 'message', sourceHandle: 'true' },
      { id: 'e4', source: 'message', target: 'send' },
    ];
    const answer = await publish(graph);
    expect(answer.status).toBe(201);
  });

  it('refuses a changed Condition, naming it', async () => {
    const graph = shippingGraph();
    const condition = graph.steps.find((step) => step.id === 'shipped')!;
    condition.data = {
      test: {
        fact: 'record',
        path: 'status',
        operator: 'equal',
        value: 'Delivered',
      },
    };
    const answer = await publish(graph);
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('HERALD_ACCESS_ROLLOUT_ONLY');
    expect(answer.body.error.details.stepId).toBe('shipped');
  });

  it('refuses rewiring around a step, naming where the path changed', async () => {
    const graph = shippingGraph();
    graph.edges = graph.edges.map((edge) =>
      edge.id === 'e3' ? { ...edge, target: 'send' } : edge,
    );
    const answer = await publish(graph);
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('HERALD_ACCESS_ROLLOUT_ONLY');
    expect(
      answer.body.error.details.problems.map((p: any) => p.stepId),
    ).toContain('shipped');
  });

  it('refuses a new step of another type', async () => {
    const graph = shippingGraph();
    graph.steps.push({
      id: 'sms',
      type: 'channel',
      data: { policy: 'preferred' },
    });
    const answer = await publish(graph);
    expect(answer.status).toBe(403);
    expect(answer.body.error.details.stepId).toBe('sms');
  });

  it('never publishes the admin draft, and leaves it alone', async () => {
    const draft = shippingGraph();
    const condition = draft.steps.find((step) => step.id === 'shipped')!;
    condition.label = 'Admin work in progress';
    await expectOk(
      herald.api(`/api/flows/${flowId}`, {
        method: 'PUT',
        body: { graph: draft },
      }),
    );
    const flow = await herald.api(`/api/flows/${flowId}`);
    const active = await herald.api(
      `/api/flows/${flowId}/versions/${flow.body.activeVersion}`,
    );
    const graph = structuredClone(active.body.graph) as FlowGraph;

    const answer = await publish(graph);
    expect(answer.status).toBe(201);
    const published = await herald.api(
      `/api/flows/${flowId}/versions/${answer.body.version}`,
    );
    expect(JSON.stringify(published.body.graph)).not.toContain('Admin work');
    const after = await herald.api(`/api/flows/${flowId}`);
    expect(JSON.stringify(after.body.draft)).toContain('Admin work');
  });

  it('refuses an inactive flow', async () => {
    const other = await publishShippingFlow(herald);
    await expectOk(
      herald.api(`/api/flows/${other}/deactivate`, {
        method: 'POST',
        body: {},
      }),
    );
    const answer = await business.call(`/api/flows/${other}/rollout-publish`, {
      body: { graph: shippingGraph() },
    });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('HERALD_FLOW_NOT_ACTIVE');
  });

  it('keeps business users from the admin publish', async () => {
    const answer = await business.call(`/api/flows/${flowId}/publish`, {
      body: {},
    });
    expect(answer.status).toBe(403);
  });
});
