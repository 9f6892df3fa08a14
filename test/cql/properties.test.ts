import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, CqlSyntaxError, evaluate, parseFilter, print } from '../../src/cql/index.js';
import { cqlExpression, instanceWithGroups } from '../../src/testing/cql.js';

// Fragments that random token sequences are built from: every token kind, valid or not here.
const FRAGMENTS = [
  'attribute:stack', 'attribute:', 'task:group', 'agentConnected', 'agentVersion', 'ec2InstanceId', 'registeredAt',
  'runningTasksCount', '==', '!=', '>', '>=', '<', '<=', '=~', '!~', 'in', '!in', 'not_in', 'exists', '!exists',
  'equals', 'matches', 'and', 'or', 'not', '&&', '||', '!', '(', ')', '[', ']', ',', "'a b'", '"x"', "'", '"',
  'prod', '1', '1.14.5', '2018-02-13', 't2.*', '=', '&', '|', '~', '@', '\\', '\n', ' ', 'AND', 'instanceType',
];

describe('CQL front end properties', () => {
  it('random strings raise nothing but CqlSyntaxError, quickly', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (text) => {
        const start = performance.now();
        try {
          parseFilter(text);
        } catch (e) {
          if (!(e instanceof CqlSyntaxError)) throw e;
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.column).toBeGreaterThanOrEqual(1);
          expect(e.offset).toBeLessThanOrEqual(text.length);
        }
        expect(performance.now() - start).toBeLessThan(250);
      }),
      { seed: 20190606, numRuns: 3000 },
    );
  });

  it('random token sequences raise nothing but CqlSyntaxError', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }), fc.boolean(), (parts, spaced) => {
        const text = parts.join(spaced ? ' ' : '');
        try {
          parseFilter(text);
        } catch (e) {
          if (!(e instanceof CqlSyntaxError)) throw e;
        }
      }),
      { seed: 42, numRuns: 5000 },
    );
  });

  it('random valid ASTs survive print → parse unchanged', () => {
    fc.assert(
      fc.property(cqlExpression(5), (ast) => {
        expect(parseFilter(print(ast))).toEqual(ast);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });

  it('printing is idempotent: print(parse(print(ast))) === print(ast)', () => {
    fc.assert(
      fc.property(cqlExpression(5), (ast) => {
        const text = print(ast);
        expect(print(parseFilter(text))).toBe(text);
      }),
      { seed: 8, numRuns: 500 },
    );
  });

  it('the compiled closures agree with the reference evaluator', () => {
    fc.assert(
      fc.property(cqlExpression(4), fc.array(instanceWithGroups(), { minLength: 1, maxLength: 20 }), (ast, hosts) => {
        const predicate = compile(ast);
        for (const { instance, taskGroups } of hosts) {
          expect(predicate(instance, { taskGroups })).toBe(evaluate(ast, instance, { taskGroups }));
        }
      }),
      { seed: 9, numRuns: 2000 },
    );
  });

  it('not(e) selects exactly the instances e does not', () => {
    fc.assert(
      fc.property(cqlExpression(3), instanceWithGroups(), (ast, { instance, taskGroups }) => {
        const e = evaluate(ast, instance, { taskGroups });
        expect(evaluate(parseFilter(`not(${print(ast)})`), instance, { taskGroups })).toBe(!e);
      }),
      { seed: 10, numRuns: 1000 },
    );
  });
});
