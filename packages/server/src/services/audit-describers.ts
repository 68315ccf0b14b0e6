/**
 * What the audit log says about calls to routes that declare
 * `config: { audit: '<action>' }`. A describer may look at the stored state
 * before the handler runs and again after it succeeded; an action without
 * a describer of its own is recorded generically, with the route, its
 * params and the names (never the values) of the body's fields.
 */
import {
  describeTemplateDiff,
  diffTemplates,
  type FlowGraph,
  type TemplateDef,
} from '@herald/engine';
import type { Db } from '../db/database.js';
import { findFlow, findVersion } from '../repositories/flow-repository.js';
import {
  findTemplateForms,
  type TemplateForms,
} from '../repositories/template-form-repository.js';
import {
  findTemplates,
  type TemplateView,
} from '../repositories/template-repository.js';
import type { AuditEvent } from './audit-service.js';
import { diffFlowGraphs, summarizeFlowDiff } from './flow-diff.js';
import type { Principal } from './principal.js';

/** The parts of a request a describer reads. */
export interface AuditedCall {
  method: string;
  route: string;
  params: Record<string, string>;
  body: unknown;
  principal: Principal | null;
  /** The handler's answer, parsed. */
  answer: Record<string, unknown>;
}

/** Describes one audited action. */
export interface AuditDescriber {
  before?(db: Db, call: Omit<AuditedCall, 'answer'>): Promise<unknown>;
  describe(
    db: Db,
    call: AuditedCall,
    before: unknown,
  ): Promise<AuditEvent | null>;
}

const flowCreate: AuditDescriber = {
  async describe(_db, call) {
    const { id, name } = call.answer as { id: string; name: string };
    return flowEvent('flow.create', id, `created flow "${name}"`);
  },
};

const flowEdit: AuditDescriber = {
  async before(db, call) {
    return (await findFlowSafely(db, call.params.id))?.draft ?? null;
  },
  async describe(_db, call, before) {
    const { id, name, draft } = call.answer as {
      id: string;
      name: string;
      draft: FlowGraph;
    };
    const diff = diffFlowGraphs(before as FlowGraph | null, draft);
    const summary = `edited the draft of "${name}": ${summarizeFlowDiff(diff)}`;
    return flowEvent('flow.edit', id, summary, { diff });
  },
};

const flowPublish: AuditDescriber = {
  async describe(db, call) {
    const id = call.params.id;
    const version = (call.answer as { version: number }).version;
    return describePublish(db, 'flow.publish', id, version);
  },
};

const flowDeactivate: AuditDescriber = {
  async describe(_db, call) {
    const { id, name, activeVersion } = call.answer as {
      id: string;
      name: string;
      activeVersion: number | null;
    };
    const summary = `deactivated "${name}" (version ${activeVersion})`;
    return flowEvent('flow.deactivate', id, summary);
  },
};

const templateEdit: AuditDescriber = {
  async before(db, call) {
    return (await findTemplates(db, [call.params.id]))[0] ?? null;
  },
  async describe(_db, call, before) {
    const old = before as TemplateView | null;
    const id = call.params.id;
    if (!old) {
      return templateEvent('template.create', id, `created template ${id}`);
    }

    // The stored answer, not the body: omitted fields keep their values.
    const changed = templateChanges(
      old,
      call.answer as unknown as TemplateView,
    );
    const said = changed.join(', ') || 'nothing';
    return templateEvent(
      'template.edit',
      id,
      `edited template ${id}: ${said}`,
      {
        changed,
      },
    );
  },
};

const templateChannelForms: AuditDescriber = {
  async before(db, call) {
    return findTemplateForms(db, call.params.id);
  },
  async describe(_db, call, before) {
    const old = before as TemplateForms | null;
    const now = call.answer as unknown as TemplateForms;
    const changed = [
      sameJson(old?.whatsappTemplate, now.whatsappTemplate)
        ? ''
        : 'WhatsApp template',
      (old?.messengerTag ?? null) === now.messengerTag ? '' : 'Messenger tag',
    ].filter((part) => part !== '');
    const id = call.params.id;
    const said = changed.join(', ') || 'nothing';
    return templateEvent(
      'template.channel-forms',
      id,
      `edited the channel forms of template ${id}: ${said}`,
      { changed },
    );
  },
};

/** Says which channel, never the number or PSID. */
const testRecipientEdit: AuditDescriber = {
  async describe(_db, call) {
    const channel = (call.body as { channel?: string } | null)?.channel;
    return {
      action: 'test-recipient.edit',
      subjectType: call.principal?.kind ?? null,
      subjectId: call.principal?.id ?? null,
      summary: `set their own test recipient on ${channel}`,
      details: { channel },
    };
  },
};

/** Consent a person set by hand; integrations' own consent is not audited. */
const consentChange: AuditDescriber = {
  async describe(_db, call) {
    if (call.principal?.kind !== 'user') {
      return null;
    }

    const consent = consentOf(call.body);
    if (consent.length === 0) {
      return null;
    }

    const said = consent.map((c) => `${c.channel} ${c.status}`).join(', ');
    return {
      action: 'consent.change',
      subjectType: 'customer',
      subjectId: call.params.id,
      summary: `set consent for customer ${call.params.id}: ${said}`,
      details: { consent },
    };
  },
};

const describers: Record<string, AuditDescriber> = {
  'flow.create': flowCreate,
  'flow.edit': flowEdit,
  'flow.publish': flowPublish,
  'flow.deactivate': flowDeactivate,
  'template.edit': templateEdit,
  'template.channel-forms': templateChannelForms,
  'test-recipient.edit': testRecipientEdit,
  'consent.change': consentChange,
};

/** The describer of `action`; the generic one when it has none. */
export function describerFor(action: string): AuditDescriber {
  return describers[action] ?? genericDescriber(action);
}

/** The audit event of a publish: the version and what it changed. */
export async function describePublish(
  db: Db,
  action: string,
  flowId: string,
  version: number,
): Promise<AuditEvent> {
  const [flow, now, prior] = await Promise.all([
    findFlow(db, flowId),
    findVersion(db, flowId, version),
    version > 1 ? findVersion(db, flowId, version - 1) : undefined,
  ]);
  const diff = diffFlowGraphs(
    (prior?.graph as FlowGraph | undefined) ?? null,
    now!.graph as FlowGraph,
  );
  const templates = templateCopyChanges(prior?.templates, now!.templates);
  const summary =
    `published version ${version} of "${flow?.name}": ` +
    [summarizeFlowDiff(diff), ...templates.map(describeTemplateCopy)].join(
      '; ',
    );
  return flowEvent(action, flowId, summary, { version, diff, templates });
}

/** A Template whose copy differs between two versions of a Flow. */
interface TemplateCopyChange {
  id: string;
  name: string;
  changed: string[];
}

// Templates both versions use whose stored copies differ.
function templateCopyChanges(
  before: unknown,
  after: unknown,
): TemplateCopyChange[] {
  const old = new Map(
    ((before ?? []) as TemplateDef[]).map((copy) => [copy.id, copy]),
  );
  return ((after ?? []) as TemplateDef[]).flatMap((copy) => {
    const prior = old.get(copy.id);
    const changed = prior
      ? describeTemplateDiff(diffTemplates(prior, copy))
      : [];
    return changed.length > 0
      ? [{ id: copy.id, name: copy.name, changed }]
      : [];
  });
}

function describeTemplateCopy(change: TemplateCopyChange): string {
  return `template "${change.name}" (${change.changed.join(', ')})`;
}

function genericDescriber(action: string): AuditDescriber {
  return {
    async describe(_db, call) {
      const fields =
        call.body && typeof call.body === 'object' && !Array.isArray(call.body)
          ? Object.keys(call.body)
          : [];
      return {
        action,
        subjectType: null,
        subjectId: Object.values(call.params)[0] ?? null,
        summary: `${call.method} ${call.route}`,
        details: { params: call.params, fields },
      };
    },
  };
}

function templateEvent(
  action: string,
  templateId: string,
  summary: string,
  details: Record<string, unknown> = {},
): AuditEvent {
  return {
    action,
    subjectType: 'template',
    subjectId: templateId,
    summary,
    details,
  };
}

// Every part of a library Template an edit may change, in words.
function templateChanges(before: TemplateView, after: TemplateView) {
  const category =
    (before.category ?? null) === (after.category ?? null) ? [] : ['category'];
  return [...describeTemplateDiff(diffTemplates(before, after)), ...category];
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function flowEvent(
  action: string,
  flowId: string,
  summary: string,
  details: Record<string, unknown> = {},
): AuditEvent {
  return { action, subjectType: 'flow', subjectId: flowId, summary, details };
}

async function findFlowSafely(db: Db, id: string | undefined) {
  return id ? findFlow(db, id) : undefined;
}

function consentOf(body: unknown) {
  const list = (body as { consent?: unknown } | null)?.consent;
  if (!Array.isArray(list)) {
    return [];
  }

  return list.map(
    (entry: { channel: string; status: string; sender?: string }) => ({
      channel: entry.channel,
      status: entry.status,
      sender: entry.sender ?? '',
    }),
  );
}
