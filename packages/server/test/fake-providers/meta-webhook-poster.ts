/**
 * Posting a webhook the way Meta does for WhatsApp and Messenger: a JSON
 * body signed with HMAC-SHA256 under the app secret, sent as
 * `X-Hub-Signature-256: sha256=<hex of the raw body bytes>`.
 */
import { createHmac } from 'node:crypto';

/** How to sign: the app secret, a literal header, or no header at all. */
export type MetaSigning =
  { appSecret: string } | { header: string } | { unsigned: true };

/** Meta's signature header value for `raw`. */
export function metaSignature(appSecret: string, raw: Buffer | string) {
  const digest = createHmac('sha256', appSecret).update(raw).digest('hex');
  return `sha256=${digest}`;
}

/** Posts `payload` to `url`; answers the HTTP status. */
export async function postMetaWebhook(
  url: string,
  payload: unknown,
  signing: MetaSigning,
): Promise<number> {
  const raw = Buffer.from(JSON.stringify(payload), 'utf8');
  const headers: Record<string, string> = {
    'content-type': 'application/json',
  };
  if ('appSecret' in signing) {
    headers['x-hub-signature-256'] = metaSignature(signing.appSecret, raw);
  } else if ('header' in signing) {
    headers['x-hub-signature-256'] = signing.header;
  }

  const response = await fetch(url, { method: 'POST', headers, body: raw });
  await response.arrayBuffer();
  return response.status;
}
