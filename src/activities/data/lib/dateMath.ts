export const dateUnits = ['years', 'months', 'days', 'hours', 'minutes', 'seconds'] as const;
export type DateUnit = (typeof dateUnits)[number];

const msPer = { hours: 3_600_000, minutes: 60_000, seconds: 1000 } as const;

/** Adds calendar units in local time; months clamp to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addToDate(date: Date, amount: number, unit: DateUnit): Date {
  if (unit === 'hours' || unit === 'minutes' || unit === 'seconds') return new Date(date.getTime() + amount * msPer[unit]);
  const out = new Date(date.getTime());
  if (unit === 'days') {
    out.setDate(out.getDate() + amount);
    return out;
  }
  const months = unit === 'years' ? amount * 12 : amount;
  const day = out.getDate();
  out.setDate(1);
  out.setMonth(out.getMonth() + months);
  const lastDay = new Date(out.getFullYear(), out.getMonth() + 1, 0).getDate();
  out.setDate(Math.min(day, lastDay));
  return out;
}

function calendarDay(date: Date): number {
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / 86_400_000;
}

/**
 * Whole units from `from` to `to` (negative when `to` is earlier). Days count calendar days
 * (a DST night is still one day); months and years count completed calendar months.
 */
export function dateDifference(from: Date, to: Date, unit: DateUnit): number {
  if (unit === 'hours' || unit === 'minutes' || unit === 'seconds') return Math.trunc((to.getTime() - from.getTime()) / msPer[unit]);
  if (unit === 'days') return calendarDay(to) - calendarDay(from);
  let months = (to.getFullYear() - from.getFullYear()) * 12 + (to.getMonth() - from.getMonth());
  // Not a whole month yet if the day/time of month has not been reached.
  const shifted = addToDate(from, months, 'months');
  if (months > 0 && shifted > to) months -= 1;
  if (months < 0 && shifted < to) months += 1;
  return unit === 'years' ? Math.trunc(months / 12) : months;
}
