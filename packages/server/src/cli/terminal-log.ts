/**
 * A compact, human-readable log line for a terminal: time, level, message,
 * then the logged object's fields as `key=value`. Herald logs JSON lines
 * everywhere else; the CLI picks this format only when stdout is a TTY.
 */
import pino, { type Logger } from 'pino';
import { redactPaths } from '../log-redaction.js';

const levelNames: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

const levelColours: Record<number, string> = {
  40: '\u001b[33m',
  50: '\u001b[31m',
  60: '\u001b[31m',
};

/** Fields every line carries that say nothing on a terminal. */
const quietKeys = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'err']);

/**
 * A pino logger at `level`: compact lines when `stream` is a TTY, pino's
 * JSON lines otherwise. Secrets are redacted either way.
 */
export function createCliLogger(
  level: string,
  stream: NodeJS.WriteStream = process.stdout,
): Logger {
  const options = {
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
  };
  if (!stream.isTTY) {
    return pino(options);
  }

  return pino(options, {
    write: (line: string) => stream.write(formatLogLine(line, true)),
  });
}

/** One JSON log line as `HH:MM:SS LEVEL message key=value …`. */
export function formatLogLine(json: string, colour = false): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }

  const level = Number(entry.level);
  const time = new Date(Number(entry.time) || Date.now());
  const clock = time.toTimeString().slice(0, 8);
  const name = (levelNames[level] ?? String(entry.level)).padEnd(5);
  const tint = colour ? (levelColours[level] ?? '') : '';
  const reset = tint ? '\u001b[0m' : '';
  const fields = Object.entries(entry)
    .filter(([key]) => !quietKeys.has(key))
    .map(([key, value]) => `${key}=${formatValue(value)}`);
  const head = [clock, `${tint}${name}${reset}`, entry.msg ?? '', ...fields];
  return `${head.join(' ')}${formatError(entry.err)}\n`;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string' && /^[^\s"=]+$/.test(value)) {
    return value;
  }

  return JSON.stringify(value) ?? String(value);
}

/** A logged error's stack, indented under its line. */
function formatError(err: unknown): string {
  if (typeof err !== 'object' || err === null) {
    return '';
  }

  const { stack, message } = err as { stack?: string; message?: string };
  const text = stack ?? message ?? JSON.stringify(err);
  return `\n${text.replace(/^/gm, '    ')}`;
}
