/**
 * awsJson 1.1 body conventions (reference §5.1): timestamps are JSON numbers of epoch seconds
 * (with a fraction), absent members are omitted.
 */

/** A response object with every Date turned into epoch seconds and undefined members dropped. */
export function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toWire);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // defineProperty: a map key `__proto__` (dockerLabels, log options) is an ordinary key here,
    // where assignment would set the copy's prototype and drop it from the JSON.
    for (const [k, v] of Object.entries(value)) if (v !== undefined) Object.defineProperty(out, k, { value: toWire(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}
