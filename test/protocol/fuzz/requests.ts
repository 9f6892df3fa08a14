// Requests of any operation, generated from its input shape in the committed ECS model: every
// member plausible (a name in the prepared state, a value the model allows, a small number) or
// hostile (a wrong JSON type, null, a huge or tiny number, a 100,000-character string, unicode,
// deep nesting, `__proto__` / `constructor` keys), structures with extra members, maps with
// prototype-named keys. A request is either plausible throughout (to reach the operation's own
// checks and writes), hostile in about one member of six, or one of the prepared state's accepted
// requests spoilt in one to three places (a member replaced by a hostile or plausible value, or a
// member added).
import fc from 'fast-check';
import { OPERATIONS, type OperationName } from '../../../src/model/operations.generated.js';
import type { ShapeTable } from '../../../src/model/table-types.js';
import { SHAPE_TABLES, type ShapeName } from '../../../src/model/tables.generated.js';
import { identity } from '../../ecs/fixtures.js';
import { slotsOf, valueOf } from '../../model/shape-arbitrary.js';
import type { Prepared } from './prepared.js';

/** An object whose keys are all own data properties, `__proto__` included (as JSON.parse makes them). */
export function ownObject(entries: Iterable<readonly [string, unknown]>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

const nest = (levels: number, inner: unknown, asObject: boolean): unknown => {
  let v = inner;
  for (let i = 0; i < levels; i++) v = asObject ? { a: v } : [v];
  return v;
};

/** Strings a real caller sends to some member: filters, placement fields, identity documents. */
const PLAUSIBLE_TEXT = [
  'attribute:stack == prod', 'runningTasksCount > 0', 'attribute:ecs.instance-type =~ m5.*', 'task:group == service:api',
  'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]', 'not(agentConnected == true)', 'ec2InstanceId == i-00000000000000001',
  'memory', 'cpu', 'attribute:ecs.availability-zone', 'instanceId', 'binpack', 'spread', 'distinctInstance', 'memberOf',
  'service:api', 'family:web', identity('i-00000000000000009', 'm5.large', 'us-east-1b'), identity('i-00000000000000001'),
  'CPU', 'MEMORY', 'PORTS', 'INTEGER', 'STRINGSET', '1.29.0', '1.30.0', 'PERCENT', 'ATTACHED',
];

const HUGE = 'x'.repeat(100_000);

/** Values no member should take, of every JSON kind (and, in process, numbers JSON cannot carry). */
const HOSTILE: readonly unknown[] = [
  null, true, false, 0, -1, 1.5, -0, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, 5e-324, 1e21, NaN, Infinity, -Infinity,
  '', ' ', '\u0000', '\ud800', '💥'.repeat(300), 'é'.repeat(256), 'a'.repeat(256), 'a'.repeat(2049), HUGE, HUGE.replace(/x/g, '9'),
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', '1e400', 'NaN', '-1', '${x}', '"}, {"', '<script>',
  'attribute:x =~ (a{1,100}){1,100}$', 'attribute:x =~ ' + '('.repeat(500), 'memberOf(' + 'not('.repeat(2000),
  [], [null], [[[]]], {}, { a: null }, ['x'], [1, 'x', null, {}],
  nest(200, 'x', false), nest(200, 'x', true), nest(5_000, 'x', false), nest(20, { k: 'v' }, true),
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
  JSON.parse('{"__proto__": "x", "toString": "y", "valueOf": 1}'),
  JSON.parse('[{"__proto__": {"name": "CPU"}}]'),
];

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Keys a structure does not have, or that name Object.prototype's members. */
const EXTRA_KEYS = ['__proto__', 'constructor', 'toString', 'prototype', 'unknownMember', 'hasOwnProperty'];
const extraMembers = fc.array(fc.tuple(fc.constantFrom(...EXTRA_KEYS), hostile), { maxLength: 2 });

export type Mode = 'plausible' | 'hostile' | 'mutated';

const table = (shape: string): ShapeTable => SHAPE_TABLES[shape as ShapeName];

/** Generators of one prepared state's requests, by mode. */
export class RequestGenerator {
  private readonly caches = { plausible: new Map<string, fc.Arbitrary<unknown>>(), hostile: new Map<string, fc.Arbitrary<unknown>>() };
  private readonly strings: fc.Arbitrary<string>;

  constructor(private readonly prepared: Pick<Prepared, 'names' | 'byMember' | 'examples'>) {
    this.strings = fc.constantFrom(...prepared.names, ...PLAUSIBLE_TEXT);
  }

  /** A request of `operation` in `mode`. */
  requestOf(operation: OperationName, mode: Mode): fc.Arbitrary<unknown> {
    const input = OPERATIONS[operation].input;
    if (mode !== 'mutated') return this.member(input, mode);
    const spoil = (request: unknown): fc.Arbitrary<unknown> => this.spoilt(input, request);
    return fc.tuple(fc.constantFrom(...this.prepared.examples[operation]), fc.integer({ min: 1, max: 3 }))
      .chain(([example, times]) => {
        let arb: fc.Arbitrary<unknown> = spoil(example);
        for (let i = 1; i < times; i++) arb = arb.chain(spoil);
        return arb;
      });
  }

  /** `request` with one member replaced (hostile or plausible), or a member added to one of its structures. */
  private spoilt(input: string, request: unknown): fc.Arbitrary<unknown> {
    const slots = slotsOf(input, request);
    const root = { path: '', shape: input, value: request, replaced: (_root: unknown, by: unknown) => by };
    const structures = [root, ...slots].filter((s) => table(s.shape).type === 'structure' && typeof s.value === 'object' && s.value !== null);
    const replace = slots.length === 0 ? [] : [fc.nat(slots.length - 1).chain((i) => {
      const slot = slots[i]!;
      return fc.oneof(hostile, this.member(slot.shape, 'plausible')).map((by) => slot.replaced(request, by));
    })];
    const add = structures.length === 0 ? [] : [fc.nat(structures.length - 1).chain((i) => {
      const slot = structures[i]!;
      const t = table(slot.shape) as Extract<ShapeTable, { type: 'structure' }>;
      const names = [...Object.keys(t.members), ...EXTRA_KEYS];
      return fc.constantFrom(...names).chain((name) => {
        const shape = Object.hasOwn(t.members, name) ? t.members[name] : undefined;
        const value = shape === undefined ? hostile : fc.oneof(hostile, this.member(shape, 'plausible'));
        return value.map((v) => slot.replaced(request, ownObject([...Object.entries(slot.value as object), [name, v]])));
      });
    })];
    return replace.length + add.length === 0 ? fc.constant(request) : fc.oneof(...replace, ...add);
  }

  private member(shape: string, mode: 'plausible' | 'hostile', name?: string): fc.Arbitrary<unknown> {
    const known = name === undefined ? undefined : this.prepared.byMember[name];
    if (known !== undefined) {
      const t = table(shape);
      const pick = fc.constantFrom(...known);
      const named = t.type === 'string' ? pick : t.type === 'list' && table(t.member).type === 'string' ? fc.array(pick, { minLength: 1, maxLength: 3 }) : undefined;
      if (named !== undefined) return fc.oneof({ weight: 4, arbitrary: named }, { weight: 1, arbitrary: this.member(shape, mode) });
    }
    const cache = this.caches[mode];
    let arb = cache.get(shape);
    if (arb === undefined) {
      const plausible = this.build(table(shape), shape, mode);
      arb = mode === 'plausible' ? plausible : fc.oneof({ weight: 5, arbitrary: plausible }, { weight: 1, arbitrary: hostile });
      cache.set(shape, arb);
    }
    return arb;
  }

  private build(t: ShapeTable, shape: string, mode: 'plausible' | 'hostile'): fc.Arbitrary<unknown> {
    switch (t.type) {
      case 'structure': {
        // Required members always, others now and then: a request of every member fails at once.
        const required = new Set(t.required ?? []);
        const members = Object.keys(t.members).map((m) => {
          const value = this.member(t.members[m]!, mode, m);
          return required.has(m) ? value.map((v) => [m, v] as const)
            : fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: value.map((v) => [m, v] as const) });
        });
        const record = fc.tuple(...members).map((entries) => entries.filter((e) => e !== null));
        if (mode === 'plausible') return record.map(ownObject);
        return fc.tuple(record, extraMembers).map(([r, extra]) => ownObject([...r, ...extra]));
      }
      case 'list':
        return fc.array(this.member(t.member, mode), { maxLength: 3 });
      case 'map': {
        const key = fc.oneof(valueOf(t.key) as fc.Arbitrary<string>, fc.constantFrom('__proto__', 'constructor', 'toString', 'tier'));
        return fc.array(fc.tuple(key, this.member(t.value, mode)), { maxLength: 3 }).map(ownObject);
      }
      case 'string':
        return t.enum === undefined ? fc.oneof(this.strings, valueOf(shape)) : fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...t.enum) }, { weight: 1, arbitrary: this.strings });
      case 'integer': case 'long':
        return fc.oneof(fc.integer({ min: 0, max: 12 }), valueOf(shape));
      default:
        return valueOf(shape);
    }
  }
}
