/**
 * DescribeClusters: up to 100 clusters by name or ARN (default: `default`); INACTIVE ones are
 * still described, unknown ones are `failures` with reason MISSING; `include: ['TAGS']` adds tags,
 * `['STATISTICS']` the counts by launch type.
 */
import { InvalidParameterException, quote } from '../../errors.js';
import type { Cluster, DescribeClustersRequest, DescribeClustersResponse, Failure } from '../../shapes.js';
import { operation } from '../operation.js';
import type { SimState } from '../state/state.js';
import { clusterArn, clusterNameOf } from '../shared/arns.js';
import { optionalArray, requestObject, stringList } from '../shared/validate.js';
import { clusterShape } from './cluster.js';

/** @example sim.describeClusters({ clusters: ['prod'] }) // → { clusters: [{ clusterName: 'prod', ... }], failures: [] } */
export const describeClusters = operation({ name: 'DescribeClusters', mutates: false, handler });

function handler(state: SimState, request: DescribeClustersRequest): DescribeClustersResponse {
  const input = requestObject(request, 'DescribeClusters');
  const names = stringList(optionalArray(input, 'clusters', 100) ?? ['default'], 'clusters');
  // 2019: STATISTICS (running and pending tasks, active and draining services, by launch type) and TAGS.
  const include = optionalArray(input, 'include') ?? [];
  include.forEach((v, i) => {
    if (v !== 'TAGS' && v !== 'STATISTICS') throw new InvalidParameterException(`include[${i}] must be STATISTICS or TAGS; got ${quote(v)}`);
  });
  const clusters: Cluster[] = [];
  const failures: Failure[] = [];
  for (const reference of names) {
    const name = clusterNameOf(state.ctx, reference, 'clusters');
    const cluster = state.clusters.get(name);
    if (cluster === undefined) failures.push({ arn: clusterArn(state.ctx, name), reason: 'MISSING' });
    else clusters.push(clusterShape(cluster, include.includes('TAGS'), include.includes('STATISTICS')));
  }
  return { clusters, failures };
}
