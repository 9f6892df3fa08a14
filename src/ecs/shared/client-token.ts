/**
 * Idempotency by client token (CreateService, CreateTaskSet): a retry with the same `clientToken`
 * and the same parameters succeeds without doing anything more, answering what the first call
 * made; the same token with other parameters is refused. A resource keeps the token it was made
 * with and a fingerprint of its request (canonical JSON: keys sorted, so member order does not
 * matter). Source: the ECS API Reference, "Ensuring idempotency".
 */
import { InvalidParameterException, quote } from '../../errors.js';

/** What a resource made with a client token keeps. */
export interface ClientTokenRecord {
  readonly clientToken: string;
  readonly request: string;
}

/** The longest token: 36 ASCII characters from 33 to 126 (a UUID fits). */
const TOKEN = /^[\x21-\x7e]{1,36}$/;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = Object.create(null);
  for (const k of Object.keys(value).sort()) out[k] = canonical((value as Record<string, unknown>)[k]);
  return out;
}

/**
 * The request's client token with its fingerprint, or undefined without a token.
 * @example clientTokenOf({ serviceName: 'web', clientToken: 'a1' }) // { clientToken: 'a1', request: '{"clientToken":"a1","serviceName":"web"}' }
 */
export function clientTokenOf(request: object): ClientTokenRecord | undefined {
  const token = (request as { clientToken?: unknown }).clientToken;
  if (token === undefined || token === null) return undefined;
  if (typeof token !== 'string' || !TOKEN.test(token)) throw new InvalidParameterException(`clientToken: up to 36 ASCII characters from '!' to '~'; got ${quote(token)}`);
  return { clientToken: token, request: JSON.stringify(canonical(request)) };
}

/**
 * Whether a request repeats the one a resource was made with (same token, same parameters);
 * false when either has no token. The same token with other parameters throws `mismatch`.
 */
export function isRetry(made: ClientTokenRecord | undefined, now: ClientTokenRecord | undefined, mismatch: string): boolean {
  if (made === undefined || now === undefined || made.clientToken !== now.clientToken) return false;
  if (made.request !== now.request) throw new InvalidParameterException(mismatch);
  return true;
}
