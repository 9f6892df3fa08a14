/**
 * The main job (`npm start`): one scenario that shows what the simulator is for, on whatever
 * cluster is loaded — CQL queries with their plans; a 500-task service placed with
 * spread(AZ) + binpack(memory); one Availability Zone drained; and an awsvpc workload with ENI
 * trunking as registered versus turned on (the account setting, then an instance refresh, since
 * only instances registered after opting in get trunk ENIs).
 */
import { utilisationOf } from '../../ecs/what-if/utilisation.js';
import type { LoadedCluster } from '../data.js';

/** Types that can have a trunk ENI in June 2019 (reference §2.5.6); the agent version is checked at registration. */
const TRUNK_CAPABLE = "attribute:ecs.instance-type =~ '(c5|m5|r5|p3|p3dn)[.].*'";
export const SERVICE_TASKS = 500;
/** awsvpc tasks per instance in the trunking comparison: more than untrunked ENIs allow. */
const AWSVPC_TASKS_PER_INSTANCE = 4;

/** `base`, or `base-2`, `base-3`, … whichever the cluster does not use yet. */
function unused(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  return name;
}

/**
 * The scenario document for the loaded cluster (plain JSON: `whatif --example` prints it): its
 * AZs, its size, and service and family names it does not use yet.
 */
export function mainJobScenario(loaded: LoadedCluster): unknown {
  const { sim, cluster } = loaded;
  const utilisation = utilisationOf(sim.state.clusters.get(cluster)!);
  const instances = sim.query(null, { cluster }).length;
  const taken = new Set([
    ...sim.state.taskDefinitions.familyNames(),
    ...[...sim.state.clusters.get(cluster)!.services.keys()],
  ]);
  const service = unused('storefront', taken);
  const vpcFamily = unused('edge-api', taken);
  const azs = Object.keys(utilisation.byAvailabilityZone).filter((az) => az !== '(none)').sort();
  const drained = azs[0] ?? 'us-east-1a';
  const others = azs.slice(1, 3);
  const awsvpcTasks = Math.max(10, instances * AWSVPC_TASKS_PER_INSTANCE);
  return {
    description: `Queries, a ${SERVICE_TASKS}-task service, draining ${drained}, and an awsvpc workload with ENI trunking as registered versus on.`,
    steps: [
      { op: 'query', label: 'm5 instances of the prod stack', filter: 'attribute:ecs.instance-type =~ m5.* and attribute:stack == prod', explain: true },
      { op: 'query', label: 'agents to look at', filter: 'agentConnected == false or agentVersion < 1.20.0', explain: true },
      {
        op: 'query',
        label: `nearly idle instances outside ${drained}`,
        filter: others.length > 0 ? `attribute:ecs.availability-zone in [${others.join(', ')}] and runningTasksCount <= 1` : 'runningTasksCount <= 1',
        explain: true,
      },
      { op: 'query', label: 'trunk-capable instances without a trunk ENI', filter: `${TRUNK_CAPABLE} and not(attribute:ecs.awsvpc-trunk-id exists)`, explain: true },
      {
        op: 'RegisterTaskDefinition',
        request: { family: service, containerDefinitions: [{ name: 'app', image: 'nginx:1.17', cpu: 256, memory: 512, portMappings: [{ containerPort: 80, hostPort: 0 }] }] },
      },
      {
        op: 'CreateService',
        label: `service ${service}: ${SERVICE_TASKS} tasks, spread(AZ) + binpack(memory)`,
        request: {
          serviceName: service,
          taskDefinition: service,
          desiredCount: SERVICE_TASKS,
          placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
          deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 },
        },
      },
      { op: 'advance', label: 'the scheduler places the service', seconds: 60 },
      { op: 'drain', label: `drain ${drained}`, filter: `attribute:ecs.availability-zone == ${drained}`, settleSeconds: 600 },
      {
        op: 'RegisterTaskDefinition',
        request: { family: vpcFamily, networkMode: 'awsvpc', containerDefinitions: [{ name: 'api', image: 'api:2', cpu: 128, memory: 256 }] },
      },
      {
        op: 'branches',
        label: `awsvpc workload (${awsvpcTasks} tasks): trunking as registered vs on`,
        branches: [
          {
            name: 'trunking as registered',
            steps: [{ op: 'place', label: `place ${awsvpcTasks} awsvpc tasks`, taskDefinition: vpcFamily, count: awsvpcTasks, placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }] }],
          },
          {
            name: 'trunking on',
            steps: [
              { op: 'PutAccountSettingDefault', label: 'awsvpcTrunking enabled for the account', request: { name: 'awsvpcTrunking', value: 'enabled' } },
              { op: 'replaceInstances', label: 'instance refresh of trunk-capable instances without a trunk ENI (current AMI)', filter: `${TRUNK_CAPABLE} and not(attribute:ecs.awsvpc-trunk-id exists)`, settleSeconds: 300 },
              { op: 'place', label: `place ${awsvpcTasks} awsvpc tasks`, taskDefinition: vpcFamily, count: awsvpcTasks, placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }] },
            ],
          },
        ],
      },
    ],
  };
}
