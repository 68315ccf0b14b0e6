/**
 * Credentials never reach the log: pino replaces them wherever a logged
 * object carries them.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { expect, it } from 'vitest';
import { redactPaths } from './log-redaction.js';

it('redacts authorization, cookies, passwords, tokens and secrets', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const log = pino(
    { redact: { paths: redactPaths, censor: '[redacted]' } },
    sink,
  );
  log.info(
    {
      password: 'hunter2-password',
      req: { headers: { authorization: 'Bearer hrd_secret', cookie: 'c=1' } },
      channel: { secret: 'app-secret', token: 'tok-123' },
    },
    'request seen',
  );

  const text = lines.join('');
  for (const secret of [
    'hunter2',
    'hrd_secret',
    'c=1',
    'app-secret',
    'tok-123',
  ]) {
    expect(text).not.toContain(secret);
  }
  expect(text).toContain('[redacted]');
});
