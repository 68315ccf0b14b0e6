/**
 * Checking providers' webhook signatures. Twilio signs the full URL it
 * called followed by every form parameter (sorted by name, name then
 * value) with HMAC-SHA1 under the auth token, base64; Meta signs the raw
 * body bytes with HMAC-SHA256 under the app secret, `sha256=<hex>`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Twilio's signature of a request to `url` with form `params`. */
export function twilioSignature(
  authToken: string,
  url: string,
  params: URLSearchParams,
) {
  const names = [...new Set(params.keys())].sort();
  let data = url;
  for (const name of names) {
    for (const value of params.getAll(name).sort()) {
      data += name + value;
    }
  }

  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/**
 * Whether `signature` is Twilio's for one of the URL's forms: as given,
 * and with its port added or removed (Twilio may sign either).
 */
export function verifyTwilioSignature(
  authToken: string,
  signature: string | undefined,
  url: string,
  params: URLSearchParams,
) {
  if (!signature) {
    return false;
  }

  return urlForms(url).some((form) =>
    safeEqual(twilioSignature(authToken, form, params), signature),
  );
}

function urlForms(url: string) {
  const parsed = new URL(url);
  const forms = [url];
  if (parsed.port) {
    const bare = new URL(url);
    bare.port = '';
    forms.push(bare.toString());
  } else {
    const port = parsed.protocol === 'https:' ? '443' : '80';
    forms.push(url.replace(parsed.host, `${parsed.hostname}:${port}`));
  }

  return forms;
}

/** Whether `header` is Meta's `sha256=` signature of `raw`. */
export function verifyMetaSignature(
  appSecret: string,
  header: string | undefined,
  raw: Buffer,
) {
  if (!header?.startsWith('sha256=')) {
    return false;
  }

  const expected = createHmac('sha256', appSecret).update(raw).digest('hex');
  return safeEqual(`sha256=${expected}`, header);
}

function safeEqual(a: string, b: string) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
