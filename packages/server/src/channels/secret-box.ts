/**
 * Channel secrets at rest: AES-256-GCM under HERALD_SECRET_KEY, stored as
 * `v1.<iv>.<tag>.<ciphertext>` (base64url). The key never sits beside the
 * data; without it secrets can be neither stored nor read.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;

/** Reads a 32-byte key given as 64 hex digits or base64; throws otherwise. */
export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new Error(
      'HERALD_SECRET_KEY must be 32 bytes, as 64 hex digits or base64',
    );
  }

  return key;
}

/** Encrypts a JSON value. */
export function sealSecrets(key: Buffer, value: unknown): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const text = Buffer.concat([
    cipher.update(JSON.stringify(value), 'utf8'),
    cipher.final(),
  ]);
  const parts = [iv, cipher.getAuthTag(), text].map((part) =>
    part.toString('base64url'),
  );
  return ['v1', ...parts].join('.');
}

/** Decrypts what sealSecrets made; throws when the key or data is wrong. */
export function openSecrets<T>(key: Buffer, sealed: string): T {
  const [version, iv, tag, text] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || text === undefined) {
    throw new Error('sealed secrets have an unknown format');
  }

  const decipher = createDecipheriv(
    'aes-256-gcm',
    key,
    Buffer.from(iv, 'base64url'),
  );
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const plain = Buffer.concat([
    decipher.update(Buffer.from(text, 'base64url')),
    decipher.final(),
  ]);
  return JSON.parse(plain.toString('utf8')) as T;
}
