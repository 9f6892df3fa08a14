/**
 * Opaque, tamper-evident `nextToken`s. A token names the operation, the query it continues
 * (cluster, filter, status …, hashed) and the key of the last item returned; it is signed with
 * an HMAC keyed by the simulator's seed and account, so a forged, edited or foreign token is an
 * InvalidParameterException. Pages continue after the last key rather than at an offset, so
 * paging while the data changes never returns an item twice, and never skips one that existed
 * throughout.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidParameterException } from '../../errors.js';
import type { SimState } from '../state/state.js';

export type PageKey = number | string;

interface TokenBody {
  /** operation */
  o: string;
  /** hash of the query the token continues */
  q: string;
  /** key of the last item returned (numbers, or strings for name-ordered lists) */
  k: PageKey;
}

function secret(state: SimState): Buffer {
  return createHash('sha256').update(`ecs-cluster-sim:${state.options.seed}:${state.ctx.accountId}:${state.ctx.region}`).digest();
}

function sign(state: SimState, payload: string): string {
  return createHmac('sha256', secret(state)).update(payload).digest('base64url').slice(0, 22);
}

function queryHash(query: string): string {
  return createHash('sha256').update(query).digest('base64url').slice(0, 16);
}

export function encodeToken(state: SimState, operation: string, query: string, lastKey: PageKey): string {
  const payload = Buffer.from(JSON.stringify({ o: operation, q: queryHash(query), k: lastKey } satisfies TokenBody)).toString('base64url');
  return `${payload}.${sign(state, payload)}`;
}

/** The last key a token continues after; InvalidParameterException if it is not one of ours for this query. */
export function decodeToken(state: SimState, operation: string, query: string, token: string): PageKey {
  const invalid = () => new InvalidParameterException('nextToken is invalid: it was not returned by a previous call with the same parameters');
  const [payload, mac, extra] = token.split('.');
  if (payload === undefined || mac === undefined || extra !== undefined) throw invalid();
  const expected = Buffer.from(sign(state, payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  let body: TokenBody;
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenBody;
  } catch {
    throw invalid();
  }
  if (body.o !== operation || body.q !== queryHash(query) || (typeof body.k !== 'number' && typeof body.k !== 'string')) throw invalid();
  return body.k;
}

/**
 * One page of `items` (ordered by ascending `keyOf`; all numbers or all strings), after the
 * token's key, with the token for the next page when more remain. The key must be the item's for
 * good (never a position in a list items can leave), so that paging while items come and go never
 * skips or repeats one that existed throughout.
 */
export function pageOf<T, R>(
  state: SimState,
  operation: string,
  query: string,
  items: ArrayLike<T>,
  map: (item: T) => R,
  maxResults: number,
  nextToken: string | undefined,
  keyOf: (item: T) => PageKey,
): { items: R[]; nextToken?: string } {
  const after = nextToken === undefined || nextToken === '' ? null : decodeToken(state, operation, query, nextToken);
  const out: R[] = [];
  let lastKey: PageKey = -Infinity;
  // Keys ascend, so the first item after the token's key is found by binary search.
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after !== null && keyOf(items[mid]!) <= after) lo = mid + 1;
    else hi = mid;
  }
  let i = lo;
  for (; i < items.length && out.length < maxResults; i++) {
    out.push(map(items[i]!));
    lastKey = keyOf(items[i]!);
  }
  return i < items.length ? { items: out, nextToken: encodeToken(state, operation, query, lastKey) } : { items: out };
}
