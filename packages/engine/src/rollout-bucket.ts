/**
 * Stable rollout buckets. A Customer's bucket for a Flow never changes, so
 * raising a Rollout from 10% to 20% keeps everyone who was already in and
 * adds new Customers; different Flows bucket the same Customer
 * independently.
 */

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const BUCKETS = 10_000;

/**
 * The Customer's bucket for a Flow, in [0, 100) with two decimals: the
 * 32-bit FNV-1a hash of the UTF-8 bytes of `flowId + ':' + customerId`,
 * modulo 10,000, divided by 100. A Customer is in a p% rollout when the
 * bucket is below p.
 */
export function rolloutBucket(customerId: string, flowId: string): number {
  const text = `${flowId}:${customerId}`;
  let hash = FNV_OFFSET_BASIS;
  for (let i = 0; i < text.length; i += 1) {
    const point = codePointAt(text, i);
    if (point > 0xffff) i += 1;

    for (const byte of utf8Bytes(point)) {
      hash = Math.imul(hash ^ byte, FNV_PRIME) >>> 0;
    }
  }

  return (hash % BUCKETS) / 100;
}

// The code point at `i`; a lone surrogate reads as U+FFFD, as TextEncoder
// encodes it.
function codePointAt(text: string, i: number): number {
  const point = text.codePointAt(i) as number;

  return point >= 0xd800 && point <= 0xdfff ? 0xfffd : point;
}

const ONE_BYTE: number[][] = Array.from({ length: 0x80 }, (_, code) => [code]);

// The UTF-8 bytes of one code point.
function utf8Bytes(code: number): number[] {
  if (code < 0x80) return ONE_BYTE[code];

  if (code < 0x800) return [0xc0 | (code >> 6), 0x80 | (code & 0x3f)];

  if (code < 0x10000) {
    return [
      0xe0 | (code >> 12),
      0x80 | ((code >> 6) & 0x3f),
      0x80 | (code & 0x3f),
    ];
  }

  return [
    0xf0 | (code >> 18),
    0x80 | ((code >> 12) & 0x3f),
    0x80 | ((code >> 6) & 0x3f),
    0x80 | (code & 0x3f),
  ];
}
