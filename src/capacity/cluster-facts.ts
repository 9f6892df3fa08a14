/**
 * What a plan reads from the cluster once: the record, its Availability Zones, the network and
 * AMI new instances would join with, and its most common instance type (the baseline's template).
 */
import type { ClusterRecord } from '../ecs/clusters/record.js';
import { clusterFor } from '../ecs/clusters/cluster.js';
import type { EcsSimulator } from '../ecs/simulator.js';

export interface ClusterFacts {
  readonly cluster: ClusterRecord;
  /** AZs of the ACTIVE instances, sorted */
  readonly availabilityZones: readonly string[];
  /** the VPC and subnet the cluster's instances in each AZ use */
  readonly networkByAz: ReadonlyMap<string, { vpc: string; subnet: string }>;
  /** the AMI of the newest agent among the cluster's instances, per flavour (`x86_64`, `arm64`, `gpu`) */
  readonly amiByFlavour: ReadonlyMap<string, string>;
  /** the most common instance type of the ACTIVE instances */
  readonly commonType: string | undefined;
}

function attribute(attributes: readonly { name?: string; value?: string }[], name: string): string | undefined {
  return attributes.find((a) => a.name === name)?.value;
}

/** The facts of `cluster` (default `default`) on `sim`; ClusterNotFoundException if there is none. */
export function clusterFacts(sim: EcsSimulator, cluster: string | undefined): ClusterFacts {
  const record = clusterFor(sim.state, cluster === undefined ? {} : { cluster });
  const azs = new Set<string>();
  const network = new Map<string, { vpc: string; subnet: string }>();
  const ami = new Map<string, { ami: string; version: string }>();
  const types = new Map<string, number>();
  for (const i of record.instances.values()) {
    if (i.status !== 'ACTIVE') continue;
    const az = attribute(i.attributes, 'ecs.availability-zone');
    if (az !== undefined) azs.add(az);
    const vpc = attribute(i.attributes, 'ecs.vpc-id');
    const subnet = attribute(i.attributes, 'ecs.subnet-id');
    if (az !== undefined && vpc !== undefined && subnet !== undefined && !network.has(az)) network.set(az, { vpc, subnet });
    const type = i.instanceType;
    if (type !== undefined) types.set(type, (types.get(type) ?? 0) + 1);
    const image = attribute(i.attributes, 'ecs.ami-id');
    if (image !== undefined) {
      const flavour = i.platformDevices.some((d) => d.type === 'GPU') ? 'gpu' : attribute(i.attributes, 'ecs.cpu-architecture') ?? 'x86_64';
      const version = i.versionInfo.agentVersion ?? '';
      const seen = ami.get(flavour);
      if (seen === undefined || version.localeCompare(seen.version, 'en', { numeric: true }) > 0) ami.set(flavour, { ami: image, version });
    }
  }
  let commonType: string | undefined;
  for (const [type, n] of types) if (commonType === undefined || n > types.get(commonType)! || (n === types.get(commonType)! && type < commonType)) commonType = type;
  return {
    cluster: record,
    availabilityZones: [...azs].sort(),
    networkByAz: network,
    amiByFlavour: new Map([...ami].map(([f, v]) => [f, v.ami])),
    commonType,
  };
}
