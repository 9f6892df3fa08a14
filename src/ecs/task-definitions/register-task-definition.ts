/**
 * RegisterTaskDefinition: a new revision of a family, checked and built as `build.ts` says (the
 * rules of the 2019-06-06 generation and the errors they raise).
 */
import type { RegisterTaskDefinitionRequest, RegisterTaskDefinitionResponse } from '../../shapes.js';
import { operation } from '../operation.js';
import type { SimState } from '../state/state.js';
import { buildTaskDefinition } from './build.js';

/**
 * Registers a new revision of a family.
 *
 * @example
 * sim.registerTaskDefinition({
 *   family: 'web',
 *   containerDefinitions: [{ name: 'nginx', image: 'nginx', cpu: 256, memory: 512, portMappings: [{ containerPort: 80, hostPort: 80 }] }],
 * }).taskDefinition?.taskDefinitionArn; // 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1'
 * @throws InvalidParameterException (malformed request) or ClientException (a rule of ECS broken).
 */
export const registerTaskDefinition = operation({ name: 'RegisterTaskDefinition', mutates: true, handler });

function handler(state: SimState, request: RegisterTaskDefinitionRequest): RegisterTaskDefinitionResponse {
  const { taskDefinition, tags } = buildTaskDefinition(state, request);
  state.taskDefinitions.add(taskDefinition, tags);
  return { taskDefinition: structuredClone(taskDefinition), tags: structuredClone(tags) };
}
