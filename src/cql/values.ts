/**
 * Typed CQL values: how the text after an operator is read for each subject. Shared by the
 * checker (is it valid?), the reference evaluator and the compilers (what does it mean?).
 * Each reader returns `null` for text it does not accept.
 */

/** `agentConnected` values: the words `true` and `false`, lower-case. */
export function readBoolean(text: string): boolean | null {
  return text === 'true' ? true : text === 'false' ? false : null;
}

/** The largest `runningTasksCount` operand: an ECS integer is 32-bit. */
export const MAX_TASK_COUNT = 2 ** 31 - 1;

/** `runningTasksCount` values: a non-negative decimal integer. */
export function readTaskCount(text: string): number | null {
  if (!/^[0-9]{1,10}$/.test(text)) return null;
  const n = Number(text);
  return n <= MAX_TASK_COUNT ? n : null;
}

/** An agent version such as `1.14.5`: dot-separated non-negative integers. */
export function readVersion(text: string): readonly number[] | null {
  if (!/^[0-9]{1,9}(\.[0-9]{1,9}){0,3}$/.test(text)) return null;
  return text.split('.').map(Number);
}

/** Component-wise numeric comparison; a missing component counts as 0 (`1.14` = `1.14.0`). */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * A `registeredAt` operand denotes an interval of time at the precision it was written in:
 * a date is the whole UTC day, a date-time the whole second. `==` means "within", `<` "before
 * the start", `<=` "before the end", `>` "at or after the end", `>=` "at or after the start".
 * Times are epoch milliseconds; `end` is exclusive.
 */
export interface TimeInterval {
  readonly start: number;
  readonly end: number;
}

/** The four formats the ECS guide lists, and nothing else. */
export const REGISTERED_AT_FORMATS = Object.freeze([
  '2018-06-18T22:28:28+00:00',
  '2018-06-18T22:28:28Z',
  '2018-06-18T22:28:28',
  '2018-06-18',
]);

const DATE_FORM = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(Z|([+-])(\d{2}):(\d{2}))?)?$/;
const DAY_MS = 86_400_000;

/** Reads one of the four documented date forms; zone-less forms are UTC. */
export function readRegisteredAt(text: string): TimeInterval | null {
  const m = DATE_FORM.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const midnight = utcMidnight(year, month, day);
  if (m[4] === undefined) return { start: midnight, end: midnight + DAY_MS };
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (m[8] !== undefined) {
    const offHours = Number(m[9]);
    const offMinutes = Number(m[10]);
    if (offHours > 23 || offMinutes > 59) return null;
    offsetMinutes = (m[8] === '-' ? -1 : 1) * (offHours * 60 + offMinutes);
  }
  const start = midnight + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000;
  return { start, end: start + 1000 };
}

// Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
function utcMidnight(year: number, month: number, day: number): number {
  return new Date(0).setUTCFullYear(year, month - 1, day);
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcMidnight(year, month + 1, 0)).getUTCDate();
}
