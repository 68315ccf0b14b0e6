/**
 * Which Flows use each library Template, computed in the browser from the
 * Flows' drafts (there is no usage route).
 */
import type { ApiClient } from '../api/api-client';

/** A Flow that uses a Template. */
export interface TemplateUser {
  flowId: string;
  flowName: string;
  /** The object type of the Flow's Trigger; null when it has none. */
  objectType: string | null;
}

/**
 * The Flows whose draft has a Template step on each Template id.
 * Limitation: reads drafts only, so a Template used by an active version
 * but since removed from the draft is not listed.
 */
export async function loadTemplateUsage(
  api: ApiClient,
): Promise<Map<string, TemplateUser[]>> {
  const summaries = await api.listFlows();
  const flows = await Promise.all(
    summaries.map((summary) => api.getFlow(summary.id)),
  );
  const usage = new Map<string, TemplateUser[]>();
  for (const flow of flows) {
    const trigger = flow.draft.steps.find((step) => step.type === 'trigger');
    const objectType =
      trigger?.type === 'trigger' ? trigger.data.objectType : null;
    const ids = new Set(
      flow.draft.steps.flatMap((step) =>
        step.type === 'template' ? [step.data.templateId] : [],
      ),
    );
    for (const id of ids) {
      const users = usage.get(id) ?? [];
      users.push({ flowId: flow.id, flowName: flow.name, objectType });
      usage.set(id, users);
    }
  }

  return usage;
}
