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
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toWire(v);
    return out;
  }
  return value;
}
