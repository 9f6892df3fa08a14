/**
 * `--strategy` and `--constraint` as ECS placement strategies and constraints:
 *   --strategy binpack:memory | binpack:cpu | spread:attribute:ecs.availability-zone | spread:instanceId | random
 *   --constraint distinctInstance | 'memberOf:<cql>'
 * Each is checked here so a mistake names the flag; the simulator checks them again.
 */
import { parseFilter } from '../cql/index.js';
import { InvalidParameterException } from '../errors.js';
import type { PlacementConstraint, PlacementStrategy } from '../placement/types.js';

export function strategyFlag(text: string, index: number): PlacementStrategy {
  const colon = text.indexOf(':');
  const type = colon === -1 ? text : text.slice(0, colon);
  const field = colon === -1 ? undefined : text.slice(colon + 1);
  const where = `--strategy ${index + 1} ('${text}')`;
  if (type === 'random') {
    if (field !== undefined) throw new InvalidParameterException(`${where}: random takes no field`);
    return { type };
  }
  if (type === 'binpack') {
    if (field !== 'cpu' && field !== 'memory') throw new InvalidParameterException(`${where}: binpack takes cpu or memory, as in binpack:memory`);
    return { type, field };
  }
  if (type === 'spread') {
    if (field === undefined || field === '') throw new InvalidParameterException(`${where}: spread takes a field, as in spread:attribute:ecs.availability-zone or spread:instanceId`);
    return { type, field };
  }
  throw new InvalidParameterException(`${where}: the strategy types are binpack, spread and random`);
}

export function constraintFlag(text: string, index: number): PlacementConstraint {
  const where = `--constraint ${index + 1}`;
  if (text === 'distinctInstance') return { type: 'distinctInstance' };
  if (text.startsWith('memberOf:')) {
    const expression = text.slice('memberOf:'.length);
    parseFilter(expression, { source: `${where} (memberOf)` });
    return { type: 'memberOf', expression };
  }
  throw new InvalidParameterException(`${where}: expected distinctInstance or memberOf:<cql expression>; got '${text}'`);
}
