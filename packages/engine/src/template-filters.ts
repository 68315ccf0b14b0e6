/**
 * The Liquid filters Herald adds: `money`, `format_date` and
 * `format_datetime`, each formatting in the Customer's locale and time zone
 * (passed to the render as the `heraldFormat` global).
 */
import type { Liquid } from 'liquidjs';
import { currencyOf, parseTemporal, toNumber } from './field-value.js';
import { safeTimeZone } from './time-zone.js';

/** Locale and time zone a render formats values in. */
export interface FormatSettings {
  locale: string;
  timeZone: string;
}

type DateStyle = 'full' | 'long' | 'medium' | 'short';
const DATE_STYLES = new Set(['full', 'long', 'medium', 'short']);

/** Adds Herald's filters to a Liquid instance. */
export function registerTemplateFilters(liquid: Liquid): void {
  liquid.registerFilter('money', function (value: unknown, currency?: unknown) {
    return formatMoney(value, currency, settingsOf(this.context.globals));
  });
  liquid.registerFilter(
    'format_date',
    function (value: unknown, style?: unknown) {
      return formatDate(value, style, settingsOf(this.context.globals), false);
    },
  );
  liquid.registerFilter(
    'format_datetime',
    function (value: unknown, style?: unknown) {
      return formatDate(value, style, settingsOf(this.context.globals), true);
    },
  );
}

/**
 * Formats `{ amount, currency }`, or a number with a currency argument, as
 * money in the locale; without any currency it formats a plain number.
 */
export function formatMoney(
  value: unknown,
  currency: unknown,
  settings: FormatSettings,
): string {
  const amount = toNumber(value);
  if (amount === undefined) return '';

  const code =
    currencyOf(value) ?? (typeof currency === 'string' ? currency : '');
  const locale = safeLocale(settings.locale);
  try {
    const style = code ? { style: 'currency', currency: code } : {};
    return new Intl.NumberFormat(
      locale,
      style as Intl.NumberFormatOptions,
    ).format(amount);
  } catch {
    return new Intl.NumberFormat(locale).format(amount);
  }
}

/**
 * Formats a date or datetime. A calendar day is shown as that day whatever
 * the time zone; an instant is shown in the Customer's time zone.
 */
export function formatDate(
  value: unknown,
  style: unknown,
  settings: FormatSettings,
  withTime: boolean,
): string {
  const moment = parseTemporal(value);
  if (!moment) return '';

  const dateStyle = (
    DATE_STYLES.has(style as string) ? style : 'medium'
  ) as DateStyle;
  const isDay = moment.kind === 'day';
  const ms = isDay ? moment.day * 86_400_000 : moment.ms;
  const options: Intl.DateTimeFormatOptions = {
    dateStyle,
    timeZone: isDay ? 'UTC' : safeTimeZone(settings.timeZone),
  };
  if (withTime && !isDay) options.timeStyle = 'short';

  return new Intl.DateTimeFormat(safeLocale(settings.locale), options).format(
    ms,
  );
}

function settingsOf(globals: unknown): FormatSettings {
  const format = (globals as { heraldFormat?: Partial<FormatSettings> })
    ?.heraldFormat;

  return {
    locale: format?.locale ?? 'en',
    timeZone: format?.timeZone ?? 'UTC',
  };
}

function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
