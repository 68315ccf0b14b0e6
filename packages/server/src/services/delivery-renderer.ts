/**
 * Rendering a Delivery: the Template body of its flow version in the
 * Customer's locale variant (or a conversation message's text), and the
 * parameters of a provider form such as an approved WhatsApp template.
 */
import {
  renderTemplate,
  selectTemplateVariant,
  type TemplateDef,
} from '@herald/engine';
import type { Db } from '../db/database.js';
import type { CustomerRow } from '../repositories/customer-repository.js';
import type { DeliveryRow } from '../repositories/delivery-repository.js';
import {
  findVersion,
  type FlowVersionRow,
} from '../repositories/flow-repository.js';
import {
  findChange,
  type ChangeRow,
} from '../repositories/record-repository.js';
import { conversationRenderer } from './conversation-renderer.js';
import { toCustomerFact } from './customer-service.js';

/** Renders a Delivery's body and its provider form's parameters. */
export type Renderer =
  | {
      ok: true;
      renderBody(): Promise<Rendered>;
      render(text: string): Promise<Rendered>;
    }
  | { ok: false; reason: string };
/** A rendered text, or why it could not be rendered. */
export type Rendered =
  { ok: true; text: string } | { ok: false; reason: string };

/** Where a Delivery's flow version and Change are read from. */
export interface RenderSources {
  version(flowId: string, version: number): Promise<FlowVersionRow | undefined>;
  change(id: string): Promise<ChangeRow | undefined>;
}

/** Reads each source row with its own query. */
export function databaseSources(db: Db): RenderSources {
  return {
    version: (flowId, version) => findVersion(db, flowId, version),
    change: (id) => findChange(db, id),
  };
}

/** The renderer for one Delivery. */
export async function rendererFor(
  db: Db,
  delivery: DeliveryRow,
  customer: CustomerRow,
  sources: RenderSources = databaseSources(db),
): Promise<Renderer> {
  if (delivery.conversation_message_id || !delivery.flow_id) {
    return conversationRenderer(db, delivery, customer);
  }

  const version = await sources.version(
    delivery.flow_id,
    delivery.flow_version!,
  );
  const templates = (version?.templates ?? []) as TemplateDef[];
  const template = templates.find((item) => item.id === delivery.template_id);
  if (!template) {
    return { ok: false, reason: 'HERALD_TEMPLATE_UNKNOWN: not in the version' };
  }

  const change = await sources.change(delivery.change_id!);
  const context = {
    record: change?.current ?? change?.prior ?? {},
    prior: change?.prior ?? null,
    customer: toCustomerFact(customer),
    now: new Date().toISOString(),
  };
  const options = { locale: customer.locale, timeZone: customer.time_zone };
  const render = async (text: string): Promise<Rendered> => {
    const rendered = await renderTemplate(text, context, options);
    return rendered.ok
      ? { ok: true, text: rendered.text }
      : { ok: false, reason: `${rendered.code}: ${rendered.message}` };
  };
  const { body } = selectTemplateVariant(template, customer.locale);
  return { ok: true, renderBody: () => render(body), render };
}

/** Renders every parameter, or null when one cannot be rendered. */
export async function renderAll(renderer: Renderer, parameters: string[]) {
  if (!renderer.ok) {
    return null;
  }

  const texts: string[] = [];
  for (const parameter of parameters) {
    const rendered = await renderer.render(parameter);
    if (!rendered.ok) {
      return null;
    }

    texts.push(rendered.text);
  }

  return texts;
}
