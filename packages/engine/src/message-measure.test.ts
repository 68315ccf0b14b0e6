import { describe, expect, it } from 'vitest';
import { measureMessage } from './message-measure.js';

describe('measureMessage', () => {
  it.each([
    ['plain text in one GSM-7 segment', 'Hello', 'GSM-7', 1],
    ['160 GSM-7 characters in one segment', 'a'.repeat(160), 'GSM-7', 1],
    ['161 GSM-7 characters in two segments', 'a'.repeat(161), 'GSM-7', 2],
    ['an emoji forcing UCS-2', 'Your parcel 📦', 'UCS-2', 1],
    ['71 UCS-2 characters in two segments', 'ж'.repeat(71), 'UCS-2', 2],
    ['escaped GSM-7 characters counting twice', '€'.repeat(81), 'GSM-7', 2],
    ['an empty message in no segment', '', 'GSM-7', 0],
  ])('measures %s', (_name, text, encoding, segments) => {
    const measure = measureMessage(text, 'sms');

    expect(measure.sms).toMatchObject({ encoding, segments });
    expect(measure.tooLong).toBe(false);
  });

  it('names the characters that force UCS-2', () => {
    const measure = measureMessage('Café “quoted” 📦📦', 'sms');

    expect(measure.sms?.nonGsmCharacters).toEqual(['“', '”', '📦']);
  });

  it.each([
    ['sms past ten segments', 'a'.repeat(153 * 10 + 1), 'sms', true],
    ['sms at ten segments', 'a'.repeat(153 * 10), 'sms', false],
    ['sms past 1,600 characters', 'ж'.repeat(1601), 'sms', true],
    ['whatsapp at 4,096 characters', 'a'.repeat(4096), 'whatsapp', false],
    ['whatsapp past 4,096 characters', 'a'.repeat(4097), 'whatsapp', true],
    ['messenger past 2,000 characters', 'a'.repeat(2001), 'messenger', true],
    ['messenger counting code points', '📦'.repeat(2000), 'messenger', false],
    ['a webhook, which has no limit', 'a'.repeat(100_000), 'webhook', false],
  ] as const)('flags %s', (_name, text, channel, tooLong) => {
    expect(measureMessage(text, channel).tooLong).toBe(tooLong);
  });
});
