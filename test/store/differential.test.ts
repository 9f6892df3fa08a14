// The indexed store must answer exactly as the naive store (reference evaluator) for random
// clusters, random interleaved mutations and random valid CQL expressions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/cql/index.js';
import { NaiveInstanceStore } from '../../src/store/naive.js';
import { InstanceStore } from '../../src/store/store.js';
import { AGENT_VERSIONS, ATTRIBUTE_NAMES, ATTRIBUTE_VALUES, cqlExpression, instanceWithGroups, TASK_GROUPS } from '../../src/testing/cql.js';

const STATUSES = ['ACTIVE', 'DRAINING', 'INACTIVE', 'REGISTERING'];

type Mutation =
  | { op: 'register'; n: number }
  | { op: 'deregister'; pick: number }
  | { op: 'putAttribute'; pick: number; name: string; value: string | undefined }
  | { op: 'deleteAttribute'; pick: number; name: string }
  | { op: 'setStatus'; pick: number; status: string }
  | { op: 'setAgentConnected'; pick: number; connected: boolean }
  | { op: 'setAgentVersion'; pick: number; version: string | undefined }
  | { op: 'setRunningTasksCount'; pick: number; count: number }
  | { op: 'addTask'; pick: number; group: string }
  | { op: 'removeTask'; pick: number; group: string };

const pick = fc.nat();
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('register' as const), n: fc.nat() }),
  fc.record({ op: fc.constant('deregister' as const), pick }),
  fc.record({ op: fc.constant('putAttribute' as const), pick, name: fc.constantFrom(...ATTRIBUTE_NAMES), value: fc.option(fc.constantFrom(...ATTRIBUTE_VALUES), { nil: undefined }) }),
  fc.record({ op: fc.constant('deleteAttribute' as const), pick, name: fc.constantFrom(...ATTRIBUTE_NAMES) }),
  fc.record({ op: fc.constant('setStatus' as const), pick, status: fc.constantFrom(...STATUSES) }),
  fc.record({ op: fc.constant('setAgentConnected' as const), pick, connected: fc.boolean() }),
  fc.record({ op: fc.constant('setAgentVersion' as const), pick, version: fc.option(fc.constantFrom(...AGENT_VERSIONS), { nil: undefined }) }),
  fc.record({ op: fc.constant('setRunningTasksCount' as const), pick, count: fc.integer({ min: 0, max: 12 }) }),
  fc.record({ op: fc.constant('addTask' as const), pick, group: fc.constantFrom(...TASK_GROUPS) }),
  fc.record({ op: fc.constant('removeTask' as const), pick, group: fc.constantFrom(...TASK_GROUPS) }),
);

interface Pair {
  naive: NaiveInstanceStore;
  indexed: InstanceStore;
  arns: string[];
  next: number;
}

function apply(p: Pair, m: Mutation, makeInstance: (n: number) => ReturnType<typeof fcSampleInstance>): void {
  if (m.op === 'register') {
    const { instance, taskGroups } = makeInstance(m.n);
    const arn = `arn:aws:ecs:us-east-1:123456789012:container-instance/c/${p.next++}`;
    const full = { ...instance, containerInstanceArn: arn, status: STATUSES[m.n % STATUSES.length] };
    p.naive.register(full, taskGroups);
    p.indexed.register(full, taskGroups);
    p.arns.push(arn);
    return;
  }
  if (p.arns.length === 0) return;
  const i = m.pick % p.arns.length;
  const arn = p.arns[i]!;
  switch (m.op) {
    case 'deregister':
      p.naive.deregister(arn);
      p.indexed.deregister(arn);
      p.arns.splice(i, 1);
      return;
    case 'removeTask': {
      // Only remove a task that is there; both stores refuse otherwise (checked in the spec).
      const has = p.naive.query(`task:group == '${m.group}'`).includes(arn);
      if (!has) return;
      p.naive.removeTask(arn, m.group);
      p.indexed.removeTask(arn, m.group);
      return;
    }
    case 'putAttribute': p.naive.putAttribute(arn, m.name, m.value); p.indexed.putAttribute(arn, m.name, m.value); return;
    case 'deleteAttribute': p.naive.deleteAttribute(arn, m.name); p.indexed.deleteAttribute(arn, m.name); return;
    case 'setStatus': p.naive.setStatus(arn, m.status); p.indexed.setStatus(arn, m.status); return;
    case 'setAgentConnected': p.naive.setAgentConnected(arn, m.connected); p.indexed.setAgentConnected(arn, m.connected); return;
    case 'setAgentVersion': p.naive.setAgentVersion(arn, m.version); p.indexed.setAgentVersion(arn, m.version); return;
    case 'setRunningTasksCount': p.naive.setRunningTasksCount(arn, m.count); p.indexed.setRunningTasksCount(arn, m.count); return;
    case 'addTask': p.naive.addTask(arn, m.group); p.indexed.addTask(arn, m.group); return;
  }
}

// Instances are drawn once per run (an array), and `register` picks one by index.
const fcSampleInstance = (x: { instance: import('../../src/shapes.js').ContainerInstance; taskGroups: string[] }) => x;

describe('an original and its clone, both changing', () => {
  it('the original grows after its clone grew a column they still share (the clone never wrote it)', () => {
    const arn = (side: string, i: number) => `arn:aws:ecs:us-east-1:123456789012:container-instance/c/${side}-${i}`;
    const original = new InstanceStore();
    const naive = new NaiveInstanceStore();
    const withRack = (i: number) => ({ containerInstanceArn: arn('o', i), status: 'ACTIVE', attributes: [{ name: 'rack', value: `r${i % 3}` }] });
    for (let i = 0; i < 40; i++) {
      original.register(withRack(i));
      naive.register(withRack(i));
    }
    const clone = original.clone();
    // 200 instances without a rack: the clone grows (64 → 128 → 256) and never writes the rack column.
    for (let i = 0; i < 200; i++) clone.register({ containerInstanceArn: arn('c', i), status: 'ACTIVE' });
    // The original grows (64 → 128) past the capacity it had.
    for (let i = 40; i < 100; i++) {
      original.register(withRack(i));
      naive.register(withRack(i));
    }
    expect(original.query('attribute:rack == r1')).toEqual(naive.query('attribute:rack == r1'));
    expect(clone.query('attribute:rack exists')).toHaveLength(40);
    expect(clone.query('not(attribute:rack exists)')).toHaveLength(200);
  });

  it('each answers as its own naive store while both register enough to grow their columns, in either order', () => {
    const side = fc.constantFrom<'original' | 'clone'>('original', 'clone');
    // Mostly registrations (a side grows its columns, shared dictionary columns included, several times), some other changes.
    const step = fc.oneof({ weight: 6, arbitrary: fc.record({ op: fc.constant('register' as const), n: fc.nat() }) as fc.Arbitrary<Mutation> }, { weight: 2, arbitrary: mutation });
    // One side changes a little, the other a lot (so it grows further); interleaved, or one side's steps all first;
    // `bare`: a side that registers instances without attributes and changes nothing else (attribute columns stay shared).
    const order = fc.constantFrom('interleaved', 'original first', 'clone first');
    fc.assert(
      fc.property(
        fc.array(instanceWithGroups(), { minLength: 20, maxLength: 80 }), side, fc.array(step, { maxLength: 100, size: 'max' }), fc.array(step, { minLength: 150, maxLength: 500, size: 'max' }),
        fc.array(cqlExpression(3), { minLength: 1, maxLength: 4 }), order, fc.option(side, { nil: undefined }),
        (pool, busy, few, many, probes, how, bare) => {
          const tagged = (which: 'original' | 'clone', ms: Mutation[]) => ms.filter((m) => which !== bare || m.op === 'register').map((m) => ({ which, m }));
          const quiet = busy === 'original' ? 'clone' : 'original';
          const mine = tagged(busy, many);
          const theirs = tagged(quiet, few);
          // interleaved: one step of each side in turn while both have some
          const steps = how === 'interleaved'
            ? Array.from({ length: Math.max(mine.length, theirs.length) }, (_, i) => [mine[i], theirs[i]]).flat().filter((x) => x !== undefined)
            : how === `${busy} first` ? [...mine, ...theirs] : [...theirs, ...mine];
          const sample = (n: number) => fcSampleInstance(pool[n % pool.length]!);
          const stripped = (n: number) => ({ ...sample(n), instance: { ...sample(n).instance, attributes: [] } });
          const original: Pair = { naive: new NaiveInstanceStore(), indexed: new InstanceStore(), arns: [], next: 0 };
          pool.forEach((_, n) => apply(original, { op: 'register', n }, sample));
          const clone: Pair = { naive: new NaiveInstanceStore(), indexed: original.indexed.clone(), arns: [], next: 0 };
          // The clone's naive twin: the same registrations (the indexed clone already has them).
          pool.forEach((_, n) => {
            const { instance, taskGroups } = sample(n);
            const arn = `arn:aws:ecs:us-east-1:123456789012:container-instance/c/${clone.next++}`;
            clone.naive.register({ ...instance, containerInstanceArn: arn, status: STATUSES[n % STATUSES.length] }, taskGroups);
            clone.arns.push(arn);
          });
          for (const { which, m } of steps) apply(which === 'original' ? original : clone, m, which === bare ? stripped : sample);
          for (const p of [original, clone]) for (const ast of probes) expect(p.indexed.query(ast)).toEqual(p.naive.query(ast));
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });
});

describe('indexed store vs naive store', () => {
  it('answers every random query identically under random interleaved mutations', () => {
    fc.assert(
      fc.property(
        fc.array(instanceWithGroups(), { minLength: 50, maxLength: 300 }),
        fc.array(fc.oneof(mutation, fc.array(cqlExpression(4), { minLength: 1, maxLength: 2 }), fc.constant('fork' as const)), { maxLength: 40 }),
        fc.option(fc.array(fc.constantFrom(...STATUSES), { minLength: 1, maxLength: 2 }), { nil: undefined }),
        (pool, steps, status) => {
          const p: Pair = { naive: new NaiveInstanceStore(), indexed: new InstanceStore(), arns: [], next: 0 };
          const make = (n: number) => fcSampleInstance(pool[n % pool.length]!);
          for (let n = 0; n < pool.length; n++) apply(p, { op: 'register', n }, make);
          // Every query of the run, to probe originals left behind by forks.
          const probes = steps.filter((step): step is Expr[] => Array.isArray(step)).flat();
          const left: { store: InstanceStore; answers: string[][] }[] = [];
          let forks = 0;
          for (const step of steps) {
            if (step === 'fork') {
              // Continue on a clone. Every other time wreck the original, which the clone must not
              // notice; otherwise leave it alone: the clone's changes must not reach it either.
              const original = p.indexed;
              p.indexed = original.clone();
              if (forks++ % 2 === 0) for (const arn of p.arns) original.deregister(arn);
              else left.push({ store: original, answers: probes.map((ast) => original.query(ast)) });
              continue;
            }
            if (!Array.isArray(step)) {
              apply(p, step, make);
              continue;
            }
            for (const ast of step as Expr[]) {
              const expected = p.naive.query(ast, status === undefined ? undefined : { status });
              // Every execution path of the indexed store: automatic, bitsets only, posting lists where possible.
              for (const path of ['auto', 'bitsets', 'postings'] as const) {
                expect(p.indexed.query(ast, status === undefined ? { path } : { status, path })).toEqual(expected);
              }
            }
          }
          for (const { store, answers } of left) expect(probes.map((ast) => store.query(ast))).toEqual(answers);
        },
      ),
      { seed: 3, numRuns: 2000 },
    );
  });
});
