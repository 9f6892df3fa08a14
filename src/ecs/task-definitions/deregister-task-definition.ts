/**
 * DeregisterTaskDefinition: the named revision becomes INACTIVE (still describable, no longer
 * launchable); see `TaskDefinitionRegistry.deregister`.
 */
import type { DeregisterTaskDefinitionRequest, DeregisterTaskDefinitionResponse } from '../../shapes.js';
import { operation } from '../operation.js';
import { requestObject, requiredString } from '../shared/validate.js';
import type { SimState } from '../state/state.js';
import type { TaskDefinition } from './registry.js';

/** @example sim.deregisterTaskDefinition({ taskDefinition: 'web:3' }) */
export const deregisterTaskDefinition = operation({ name: 'DeregisterTaskDefinition', mutates: true, handler });

function handler(state: SimState, request: DeregisterTaskDefinitionRequest): DeregisterTaskDefinitionResponse {
  const input = requestObject(request, 'DeregisterTaskDefinition');
  const reference = requiredString(input, 'taskDefinition');
  return { taskDefinition: structuredClone(state.taskDefinitions.deregister(reference)) as TaskDefinition };
}
