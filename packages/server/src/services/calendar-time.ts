/**
 * Checks of the calendar parts of dates and date-times: `Date` shifts a
 * day or hour that does not exist (`2025-02-31` becomes March 3, `24:00`
 * the next day) instead of refusing it.
 */

/** Whether year, month (1–12) and day name a real calendar day. */
export function isCalendarDate(year: number, month: number, day: number) {
  if (month < 1 || month > 12 || day < 1) {
    return false;
  }

  const lastDay = new Date(Date.UTC(2000, month, 0)).getUTCDate();
  const isLeap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && !isLeap ? 28 : lastDay);
}

/** Whether hour, minute and second name a time of day (no leap second). */
export function isTimeOfDay(hour: number, minute: number, second: number) {
  return hour <= 23 && minute <= 59 && second <= 59;
}
