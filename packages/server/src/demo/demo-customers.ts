/**
 * Sixty demo Customers across tiers, regions, countries and time zones,
 * each with the identities they have, a preferred channel and recorded
 * Consent. Generated deterministically, so every demo looks the same.
 */
import type { CustomerInput } from '../services/customer-service.js';

const firstNames = [
  'Ava',
  'Liam',
  'Maya',
  'Noah',
  'Zoe',
  'Ethan',
  'Lena',
  'Omar',
  'Iris',
  'Jonas',
  'Priya',
  'Mateo',
  'Chloe',
  'Kenji',
  'Sofia',
  'Lucas',
  'Amara',
  'Felix',
  'Nora',
  'Diego',
];
const lastNames = [
  'Garcia',
  'Smith',
  'Okafor',
  'Müller',
  'Chen',
  'Brown',
  'Novak',
  'Haddad',
  'Rossi',
  'Kowalski',
  'Singh',
  'Silva',
  'Dubois',
  'Tanaka',
  'Larsen',
];

/**
 * Where demo Customers live: region, country, time zone, locale, and the
 * start of their (fictional) phone numbers.
 */
const places = [
  {
    region: 'Pacific',
    country: 'US',
    timeZone: 'America/Los_Angeles',
    locale: 'en-US',
    prefix: '+14155550',
  },
  {
    region: 'Mountain',
    country: 'US',
    timeZone: 'America/Denver',
    locale: 'en-US',
    prefix: '+13035550',
  },
  {
    region: 'Northeast',
    country: 'US',
    timeZone: 'America/New_York',
    locale: 'en-US',
    prefix: '+12125550',
  },
  {
    region: 'Ontario',
    country: 'CA',
    timeZone: 'America/Toronto',
    locale: 'en-CA',
    prefix: '+14165550',
  },
  {
    region: 'Bavaria',
    country: 'DE',
    timeZone: 'Europe/Berlin',
    locale: 'de-DE',
    prefix: '+49895550',
  },
  {
    region: 'London',
    country: 'GB',
    timeZone: 'Europe/London',
    locale: 'en-GB',
    prefix: '+442079460',
  },
  {
    region: 'New South Wales',
    country: 'AU',
    timeZone: 'Australia/Sydney',
    locale: 'en-AU',
    prefix: '+61295550',
  },
];

const tiers = ['Standard', 'Gold', 'VIP', 'Platinum'];
const channels = ['sms', 'whatsapp', 'messenger'] as const;

/** How many demo Customers there are. */
export const DEMO_CUSTOMER_COUNT = 60;

/** The id of demo Customer `n` (1-based): cust-001 … cust-060. */
export function demoCustomerId(n: number): string {
  return `cust-${String(n).padStart(3, '0')}`;
}

/** Every demo Customer with its input for `PUT /api/customers/:id`. */
export function demoCustomers(): { id: string; input: CustomerInput }[] {
  const customers: { id: string; input: CustomerInput }[] = [];
  for (let n = 1; n <= DEMO_CUSTOMER_COUNT; n += 1) {
    customers.push({ id: demoCustomerId(n), input: demoCustomer(n) });
  }

  return customers;
}

function demoCustomer(n: number): CustomerInput {
  const place = places[n % places.length];
  const firstName = firstNames[n % firstNames.length];
  const lastName = lastNames[(n * 7) % lastNames.length];
  const phone = `${place.prefix}${String(n).padStart(3, '0')}`;
  const hasWhatsapp = n % 5 !== 0;
  const hasMessenger = n % 3 === 0;
  const preferred = preferredChannel(n, hasWhatsapp, hasMessenger);
  return {
    firstName,
    lastName,
    email: `${firstName}.${lastName}.${n}@example.com`.toLowerCase(),
    phone,
    whatsappId: hasWhatsapp ? phone.replace('+', '') : null,
    messengerPsid: hasMessenger ? String(7_100_000_000_000 + n * 7919) : null,
    preferredChannel: preferred,
    tier: tiers[n % tiers.length],
    region: place.region,
    country: place.country,
    timeZone: place.timeZone,
    locale: place.locale,
    consent: channels
      .filter((channel) => channel !== 'whatsapp' || hasWhatsapp)
      .filter((channel) => channel !== 'messenger' || hasMessenger)
      .map((channel) => ({
        channel,
        status: n % 11 === 0 && channel === preferred ? 'opt_out' : 'opt_in',
        source: 'import',
        evidence: `demo sign-up form, customer ${n}`,
      })),
  };
}

function preferredChannel(
  n: number,
  hasWhatsapp: boolean,
  hasMessenger: boolean,
): (typeof channels)[number] {
  const wanted = channels[n % channels.length];
  if (wanted === 'whatsapp' && !hasWhatsapp) {
    return 'sms';
  }
  if (wanted === 'messenger' && !hasMessenger) {
    return 'sms';
  }

  return wanted;
}
