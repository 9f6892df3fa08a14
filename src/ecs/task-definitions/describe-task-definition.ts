/**
 * DescribeTaskDefinition: `family` (latest ACTIVE revision), `family:revision` or the ARN;
 * INACTIVE revisions are describable by revision. Unknown → ClientException "Unable to describe
 * task definition." (the text ECS answers, `sil-org/ecs-deploy#145` [OBS]).
 */
import { ClientException, cut, inEcsWords } from '../../errors.js';
import type { DescribeTaskDefinitionRequest, DescribeTaskDefinitionResponse } from '../../shapes.js';
import { operation } from '../operation.js';
import { optionalArray, requestObject, requiredString, stringList } from '../shared/validate.js';
import type { SimState } from '../state/state.js';
import type { TaskDefinition } from './registry.js';

/** @example sim.describeTaskDefinition({ taskDefinition: 'web:3', include: ['TAGS'] }) */
export const describeTaskDefinition = operation({ name: 'DescribeTaskDefinition', mutates: false, handler });

function handler(state: SimState, request: DescribeTaskDefinitionRequest): DescribeTaskDefinitionResponse {
  const input = requestObject(request, 'DescribeTaskDefinition');
  const reference = requiredString(input, 'taskDefinition');
  const include = stringList(optionalArray(input, 'include') ?? [], 'include');
  for (const i of include) if (i !== 'TAGS') throw new ClientException(`include: the only value is TAGS; got '${cut(i)}'.`);
  const td = state.taskDefinitions.get(reference);
  if (td === undefined) throw inEcsWords(new ClientException('Unable to describe task definition.'), 'taskDefinition');
  const out = { taskDefinition: structuredClone(td) as TaskDefinition };
  return include.includes('TAGS') ? { ...out, tags: structuredClone([...state.taskDefinitions.tagsOf(reference)]) } : out;
}
