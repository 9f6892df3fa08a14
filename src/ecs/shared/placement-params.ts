/**
 * Validation of `placementConstraints` and `placementStrategy` as RunTask, CreateService and
 * UpdateService take them (reference §2.2, §2.3).
 */
import { parseFilter } from '../../cql/index.js';
import { InvalidParameterException, quote } from '../../errors.js';
import type { PlacementConstraint, PlacementStrategy } from '../../placement/types.js';
import { objectAt, optionalArray, type Input } from './validate.js';

export const MAX_CONSTRAINTS = 10;
export const MAX_STRATEGIES = 5;
const ATTRIBUTE_FIELD = /^attribute:[A-Za-z0-9\-_/\\.]{1,128}$/;

/** Checked constraints; `inherited` (from the task definition) count toward the limit of 10. */
export function placementConstraints(input: Input, inherited: readonly PlacementConstraint[] = [], member = 'placementConstraints'): PlacementConstraint[] {
  const items = optionalArray(input, member) ?? [];
  const out = items.map((_, i): PlacementConstraint => {
    const c = objectAt(items, i, member);
    const type = c['type'];
    const expression = c['expression'];
    if (type !== 'distinctInstance' && type !== 'memberOf') {
      throw new InvalidParameterException(`${member}[${i}].type must be distinctInstance or memberOf; got ${quote(type)}`);
    }
    if (expression !== undefined && expression !== null && typeof expression !== 'string') {
      throw new InvalidParameterException(`${member}[${i}].expression must be a string`);
    }
    if (type === 'distinctInstance') {
      if (expression) throw new InvalidParameterException('distinctInstance expression should not be specified.');
      return { type };
    }
    if (!expression) throw new InvalidParameterException(`${member}[${i}].expression is required for memberOf`);
    parseFilter(expression, { source: `${member}[${i}].expression` });
    return { type, expression };
  });
  if (out.length + inherited.length > MAX_CONSTRAINTS) {
    throw new InvalidParameterException(
      `at most ${MAX_CONSTRAINTS} placement constraints per task, counting the task definition's ${inherited.length}; got ${out.length + inherited.length}`,
    );
  }
  return out;
}

/** What checks strategy entries that are plug-ins: the simulator's placement engine. */
export interface StrategyChecker {
  checkStrategies(entries: readonly unknown[], member?: string): PlacementStrategy[];
}

/**
 * Checked strategies. Entries of type `plugin:<name>` are the placement engine's to check
 * (`engine`: the simulator's, with its registered plug-ins); without one they are refused.
 */
export function placementStrategies(input: Input, member = 'placementStrategy', engine?: StrategyChecker): PlacementStrategy[] {
  const items = optionalArray(input, member, MAX_STRATEGIES) ?? [];
  const isPlugin = (x: unknown) => typeof x === 'object' && x !== null && typeof (x as { type?: unknown }).type === 'string' && (x as { type: string }).type.startsWith('plugin:');
  if (engine !== undefined && items.some(isPlugin)) return engine.checkStrategies(items, member);
  return items.map((_, i): PlacementStrategy => {
    const s = objectAt(items, i, member);
    const type = s['type'];
    const field = s['field'];
    if (field !== undefined && field !== null && typeof field !== 'string') throw new InvalidParameterException(`${member}[${i}].field must be a string`);
    switch (type) {
      case 'random':
        return { type };
      case 'binpack':
        if (field !== 'cpu' && field !== 'memory') throw new InvalidParameterException(`${member}[${i}]: binpack takes the field cpu or memory; got ${quote(field)}`);
        return { type, field };
      case 'spread':
        if (field !== 'instanceId' && field !== 'host' && !(typeof field === 'string' && ATTRIBUTE_FIELD.test(field))) {
          throw new InvalidParameterException(`${member}[${i}]: spread takes the field instanceId, host or attribute:<name>; got ${quote(field)}`);
        }
        return { type, field };
      default:
        throw new InvalidParameterException(`${member}[${i}].type must be random, spread or binpack; got ${quote(type)}`);
    }
  });
}
