/**
 * Counting what a replay did, line by line, and writing the summary the
 * user reads at the end.
 */

/** An item's answer from a batch endpoint. */
export type ItemAnswer<T> =
  ({ ok: true } & T) | { ok: false; error: { code: string; message: string } };

/** What the connector answers for one event. */
export type CdcAnswer = ItemAnswer<
  | {
      outcome: 'applied';
      records: ItemAnswer<{ changeId: string | null }>[];
      ignoredFields: string[];
    }
  | { outcome: 'recorded' }
>;

/** What the dry run answers for one item. */
export type DryRunAnswer = ItemAnswer<{
  unchanged: boolean;
  wouldSend: {
    flowId: string;
    version: number;
    channel: string | null;
    body: string | null;
    blocked?: string;
  }[];
}>;

interface Rejection {
  message: string;
  lines: number[];
}

interface Send {
  line: number;
  /** The record, as `Type id`. */
  what: string;
  flowId: string;
  version: number;
  channel: string | null;
  text: string;
}

/** Most line numbers listed for one reason before eliding the rest. */
const MAX_LINES_LISTED = 20;

/** The running counts of one replay. */
export class ReplayTally {
  accepted = 0;
  unchanged = 0;
  recorded = 0;
  readonly rejected = new Map<string, Rejection>();
  readonly malformed: { line: number; reason: string }[] = [];
  readonly ignoredFields = new Map<string, number[]>();
  readonly sends: Send[] = [];
  readonly blocked: Send[] = [];
  private flowNames = new Map<string, string>();

  /** Lines refused, malformed lines included. */
  get failures(): number {
    let count = this.malformed.length;
    for (const rejection of this.rejected.values()) {
      count += rejection.lines.length;
    }

    return count;
  }

  /** Flow names by id, so the summary names Flows rather than ids. */
  nameFlows(names: Map<string, string>) {
    this.flowNames = names;
  }

  /** Counts a line that could not be read. */
  addMalformed(line: number, reason: string) {
    this.malformed.push({ line, reason });
  }

  /** Counts a line Herald refused. */
  addRejected(line: number, code: string, message: string) {
    const rejection = this.rejected.get(code) ?? { message, lines: [] };
    rejection.lines.push(line);
    this.rejected.set(code, rejection);
  }

  /** Counts a record change's answer. */
  addRecordAnswer(
    line: number,
    answer: ItemAnswer<{ changeId: string | null }>,
  ) {
    if (!answer.ok) {
      this.addRejected(line, answer.error.code, answer.error.message);
      return;
    }

    if (answer.changeId === null) {
      this.unchanged += 1;
    } else {
      this.accepted += 1;
    }
  }

  /** Counts a change event's answer: each of its records on its own. */
  addCdcAnswer(line: number, answer: CdcAnswer) {
    if (!answer.ok) {
      this.addRejected(line, answer.error.code, answer.error.message);
      return;
    }
    if (answer.outcome === 'recorded') {
      this.addRecorded();
      return;
    }

    for (const record of answer.records) {
      this.addRecordAnswer(line, record);
    }
    this.addIgnoredFields(line, answer.ignoredFields);
  }

  /** Counts an event recorded (a gap), not applied. */
  addRecorded() {
    this.recorded += 1;
  }

  /** Notes source fields an event carried that no Herald field took. */
  addIgnoredFields(line: number, fields: string[]) {
    for (const field of fields) {
      const lines = this.ignoredFields.get(field) ?? [];
      lines.push(line);
      this.ignoredFields.set(field, lines);
    }
  }

  /** Counts a dry-run answer and what it would send. */
  addDryRunAnswer(line: number, what: string, answer: DryRunAnswer) {
    if (!answer.ok) {
      this.addRejected(line, answer.error.code, answer.error.message);
      return;
    }

    if (answer.unchanged) {
      this.unchanged += 1;
    } else {
      this.accepted += 1;
    }
    for (const send of answer.wouldSend) {
      const { flowId, version } = send;
      if (send.blocked !== undefined) {
        this.blocked.push({
          line,
          what,
          flowId,
          version,
          channel: null,
          text: send.blocked,
        });
        continue;
      }

      this.sends.push({
        line,
        what,
        flowId,
        version,
        channel: send.channel,
        text: send.body ?? '',
      });
    }
  }

  /** The summary printed at the end. */
  format(options: { source: string; lines: number; dryRun: boolean }) {
    const out: string[] = [];
    const mode = options.dryRun ? ' (dry run: nothing stored or sent)' : '';
    out.push(`Replayed ${options.lines} line(s) of ${options.source}${mode}`);
    out.push(row(options.dryRun ? 'would change' : 'accepted', this.accepted));
    out.push(row('unchanged', this.unchanged));
    out.push(row('recorded', this.recorded, 'gap events, not applied'));
    out.push(row('rejected', this.failures - this.malformed.length));
    for (const [code, rejection] of this.rejected) {
      out.push(
        `    ${code} ×${rejection.lines.length}: ${rejection.message}; ` +
          `line(s) ${listLines(rejection.lines)}`,
      );
    }
    out.push(row('malformed', this.malformed.length));
    for (const { line, reason } of this.malformed.slice(0, MAX_LINES_LISTED)) {
      out.push(`    line ${line}: ${reason}`);
    }
    if (this.ignoredFields.size > 0) {
      out.push('  source fields ignored (not on the object type):');
      for (const [field, lines] of this.ignoredFields) {
        out.push(`    ${field}: line(s) ${listLines(lines)}`);
      }
    }
    if (options.dryRun) {
      out.push(...this.formatSends());
    }

    return out.join('\n');
  }

  private formatSends(): string[] {
    const out = [row('would send', this.sends.length)];
    for (const send of this.sends) {
      out.push(
        `    line ${send.line} ${this.describe(send)} on ${send.channel}: ` +
          send.text,
      );
    }
    out.push(row('would block', this.blocked.length));
    for (const send of this.blocked) {
      out.push(`    line ${send.line} ${this.describe(send)}: ${send.text}`);
    }

    return out;
  }

  /** `Shipment SHP-1 via "Shipping update" v2`, or the id when unnamed. */
  private describe(send: Send): string {
    const name = this.flowNames.get(send.flowId);
    const flow = name ? JSON.stringify(name) : send.flowId;
    return `${send.what} via flow ${flow} v${send.version}`;
  }
}

function row(label: string, count: number, note?: string) {
  const text = `  ${label.padEnd(13)}${String(count).padStart(6)}`;
  return note && count > 0 ? `${text}  (${note})` : text;
}

function listLines(lines: number[]): string {
  const shown = lines.slice(0, MAX_LINES_LISTED).join(', ');
  const rest = lines.length - MAX_LINES_LISTED;
  return rest > 0 ? `${shown} … and ${rest} more` : shown;
}
