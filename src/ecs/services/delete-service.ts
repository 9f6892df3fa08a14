/**
 * DeleteService: the service goes DRAINING (its tasks stop) and INACTIVE once none is left;
 * refused while a REPLICA service is scaled above 0 unless `force`.
 */
import { ClientException, InvalidParameterException } from '../../errors.js';
import type { DeleteServiceRequest, DeleteServiceResponse } from '../../shapes.js';
import { clusterFor } from '../clusters/cluster.js';
import { operation } from '../operation.js';
import { optionalBoolean, requestObject, requiredString } from '../shared/validate.js';
import type { SimState } from '../state/state.js';
import { scheduleReconcile } from './scheduler.js';
import { describeService, serviceFor } from './service.js';

/** @example sim.deleteService({ cluster: 'prod', service: 'web', force: true }) */
export const deleteService = operation({ name: 'DeleteService', mutates: true, handler });

function handler(state: SimState, request: DeleteServiceRequest): DeleteServiceResponse {
  const input = requestObject(request, 'DeleteService');
  const cluster = clusterFor(state, input);
  const service = serviceFor(cluster, requiredString(input, 'service'));
  const force = optionalBoolean(input, 'force') ?? false;
  if (service.status !== 'ACTIVE') throw new ClientException(`Service ${service.name} is not ACTIVE.`);
  // A DAEMON service has no desired count to scale to 0 first.
  if (service.schedulingStrategy === 'REPLICA' && service.desiredCount > 0 && !force) throw new InvalidParameterException('The service cannot be stopped while it is scaled above 0.');
  service.status = 'DRAINING';
  service.desiredCount = 0;
  scheduleReconcile(state, cluster, service.name);
  return { service: describeService(state, cluster, service) };
}
