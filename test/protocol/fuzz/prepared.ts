// The state every fuzzed call meets: clusters (one with instances, one empty, one INACTIVE),
// ACTIVE, DRAINING, trunked and disconnected instances, standalone and service tasks, REPLICA and
// EXTERNAL services with task sets, task definitions (one INACTIVE), attributes, tags and
// settings; the names in it, so generated requests name things that exist as often as not; and
// for each operation, requests it accepts in this state (fuzz.test.ts checks they do), which the
// mutating mode of requests.ts spoils in one to three places.
import { EcsSimulator } from '../../../src/index.js';
import type { OperationName } from '../../../src/model/operations.generated.js';
import { identity, RESOURCES } from '../../ecs/fixtures.js';

export interface Prepared {
  sim: EcsSimulator;
  /** identifiers of things in the state (names, ids, ARNs), for string members */
  names: string[];
  /** identifiers by the request member that names them (`cluster`, `containerInstances`, …) */
  byMember: Readonly<Record<string, readonly string[]>>;
  /** requests each operation accepts in this state */
  examples: Record<OperationName, readonly Record<string, unknown>[]>;
}

const ALICE = 'arn:aws:iam::123456789012:user/alice';

export function prepare(): Prepared {
  const sim = new EcsSimulator({ seed: 12, latestAgentVersion: '1.30.0' });
  sim.putAccountSettingDefault({ name: 'awsvpcTrunking', value: 'enabled' });
  sim.putAccountSetting({ name: 'serviceLongArnFormat', value: 'disabled', principalArn: ALICE });
  const cluster = sim.createCluster({ clusterName: 'c', tags: [{ key: 'team', value: 'core' }] }).cluster!.clusterArn!;
  sim.createCluster({ clusterName: 'empty' });
  sim.createCluster({ clusterName: 'gone' });
  sim.deleteCluster({ cluster: 'gone' });
  const web = sim.registerTaskDefinition({
    family: 'web',
    containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 256, memory: 256, portMappings: [{ containerPort: 80, hostPort: 8080 }], dockerLabels: { tier: 'front' } }],
    tags: [{ key: 'k', value: 'v' }],
  }).taskDefinition!.taskDefinitionArn!;
  sim.registerTaskDefinition({ family: 'vpc', networkMode: 'awsvpc', containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 128, memory: 128 }] });
  sim.registerTaskDefinition({ family: 'old', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 64 }] });
  sim.deregisterTaskDefinition({ taskDefinition: 'old:1' });
  const instances: string[] = [];
  for (let n = 0; n < 5; n++) {
    instances.push(sim.registerContainerInstance({
      cluster: 'c',
      instanceIdentityDocument: identity(`i-0000000000000000${n}`, n === 4 ? 'c5.large' : 'm5.large', `us-east-1${'abc'[n % 3]}`),
      totalResources: RESOURCES,
      versionInfo: { agentVersion: n === 0 ? '1.20.0' : '1.29.0' },
      attributes: [{ name: 'stack', value: n % 2 === 0 ? 'prod' : 'dev' }],
      tags: [{ key: 'n', value: String(n) }],
    }).containerInstance!.containerInstanceArn!);
  }
  sim.advance(60_000);
  const service = sim.createService({ cluster: 'c', serviceName: 'api', taskDefinition: 'web', desiredCount: 2 }).service!.serviceArn!;
  sim.createService({ cluster: 'c', serviceName: 'ext', desiredCount: 2, deploymentController: { type: 'EXTERNAL' } });
  const blue = sim.createTaskSet({ cluster: 'c', service: 'ext', taskDefinition: 'web', externalId: 'blue' }).taskSet!;
  sim.updateServicePrimaryTaskSet({ cluster: 'c', service: 'ext', primaryTaskSet: blue.id! });
  const green = sim.createTaskSet({ cluster: 'c', service: 'ext', taskDefinition: 'vpc', scale: { value: 50, unit: 'PERCENT' } }).taskSet!;
  const task = sim.runTask({ cluster: 'c', taskDefinition: 'web', count: 1 }).tasks![0]!.taskArn!;
  sim.advance(10_000);
  sim.updateContainerInstancesState({ cluster: 'c', containerInstances: [instances[3]!], status: 'DRAINING' });
  sim.setAgentConnection('c', instances[2]!, false);
  sim.advance(1_000);
  const trunked = sim.describeContainerInstances({ cluster: 'c', containerInstances: [instances[4]!] }).containerInstances![0]!;
  const attachment = trunked.attachments?.[0]?.id;
  const lastSegment = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
  const names = [
    'c', 'empty', 'gone', 'default', cluster,
    ...instances, ...instances.map(lastSegment), 'i-00000000000000001',
    task, lastSegment(task),
    'api', 'ext', service,
    blue.id!, blue.taskSetArn!, green.id!, green.taskSetArn!, 'blue',
    'web', 'web:1', 'vpc', 'old', 'old:1', web,
    'stack', 'prod', 'ecs.instance-type', 'container-instance', 'team', 'k', 'n',
    ALICE, sim.rootArn, 'serviceLongArnFormat', 'awsvpcTrunking', 'enabled',
    'app', 'ACTIVE', 'DRAINING', 'STOPPED', 'RUNNING',
    ...(attachment === undefined ? [] : [attachment, `arn:aws:ecs:us-east-1:123456789012:attachment/${attachment}`]),
  ];
  const [i0, i1, , i3] = instances as [string, string, string, string];
  const attachmentArn = `arn:aws:ecs:us-east-1:123456789012:attachment/${attachment ?? 'none'}`;
  const examples: Prepared['examples'] = {
    CreateCluster: [{ clusterName: 'new', tags: [{ key: 'a', value: 'b' }], settings: [{ name: 'containerInsights', value: 'enabled' }] }],
    CreateService: [
      { cluster: 'c', serviceName: 'new', taskDefinition: 'web', desiredCount: 1, placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }], placementConstraints: [{ type: 'memberOf', expression: 'attribute:stack == prod' }], tags: [{ key: 'a', value: 'b' }] },
      { cluster: 'c', serviceName: 'daemon', taskDefinition: 'vpc', schedulingStrategy: 'DAEMON' },
    ],
    CreateTaskSet: [{ cluster: 'c', service: 'ext', taskDefinition: 'web', externalId: 'x', scale: { value: 50, unit: 'PERCENT' } }],
    DeleteAccountSetting: [{ name: 'serviceLongArnFormat', principalArn: ALICE }],
    DeleteAttributes: [{ cluster: 'c', attributes: [{ name: 'stack', targetId: i0 }] }],
    DeleteCluster: [{ cluster: 'empty' }],
    DeleteService: [{ cluster: 'c', service: 'api', force: true }],
    DeleteTaskSet: [{ cluster: 'c', service: 'ext', taskSet: green.id!, force: true }],
    DeregisterContainerInstance: [{ cluster: 'c', containerInstance: i1, force: true }],
    DeregisterTaskDefinition: [{ taskDefinition: 'web:1' }],
    DescribeClusters: [{ clusters: ['c', 'empty', cluster], include: ['TAGS', 'STATISTICS'] }],
    DescribeContainerInstances: [{ cluster: 'c', containerInstances: [i0, lastSegment(i1)], include: ['TAGS'] }],
    DescribeServices: [{ cluster: 'c', services: ['api', 'ext'], include: ['TAGS'] }],
    DescribeTaskDefinition: [{ taskDefinition: 'web', include: ['TAGS'] }],
    DescribeTaskSets: [{ cluster: 'c', service: 'ext', taskSets: [blue.id!, green.taskSetArn!] }],
    DescribeTasks: [{ cluster: 'c', tasks: [task], include: ['TAGS'] }],
    DiscoverPollEndpoint: [{ cluster: 'c', containerInstance: i0 }],
    ListAccountSettings: [{ effectiveSettings: true, name: 'serviceLongArnFormat', principalArn: ALICE }],
    ListAttributes: [{ cluster: 'c', targetType: 'container-instance', attributeName: 'stack', attributeValue: 'prod', maxResults: 2 }],
    ListClusters: [{ maxResults: 2 }],
    ListContainerInstances: [{ cluster: 'c', filter: 'attribute:stack == prod and runningTasksCount >= 0', status: 'ACTIVE', maxResults: 2 }],
    ListServices: [{ cluster: 'c', launchType: 'EC2', maxResults: 1 }],
    ListTagsForResource: [{ resourceArn: cluster }, { resourceArn: i0 }],
    ListTaskDefinitionFamilies: [{ familyPrefix: 'w', status: 'ACTIVE' }],
    ListTaskDefinitions: [{ familyPrefix: 'web', sort: 'DESC', status: 'ACTIVE' }],
    ListTasks: [{ cluster: 'c', serviceName: 'api', desiredStatus: 'RUNNING' }, { cluster: 'c', containerInstance: i0, family: 'web' }],
    PutAccountSetting: [{ name: 'taskLongArnFormat', value: 'disabled' }],
    PutAccountSettingDefault: [{ name: 'containerInstanceLongArnFormat', value: 'disabled' }],
    PutAttributes: [{ cluster: 'c', attributes: [{ name: 'team', value: 'x', targetId: i0 }, { name: 'zone', value: 'y', targetType: 'container-instance', targetId: lastSegment(i1) }] }],
    RegisterContainerInstance: [
      { cluster: 'c', instanceIdentityDocument: identity('i-00000000000000009', 'm5.large', 'us-east-1b'), totalResources: RESOURCES, versionInfo: { agentVersion: '1.29.0' }, attributes: [{ name: 'stack', value: 'prod' }], tags: [{ key: 'a', value: 'b' }] },
      { cluster: 'c', instanceIdentityDocument: identity('i-00000000000000001'), totalResources: RESOURCES, containerInstanceArn: i1 },
    ],
    RegisterTaskDefinition: [{
      family: 'new',
      containerDefinitions: [{
        name: 'app', image: 'nginx', memory: 128, cpu: 64, portMappings: [{ containerPort: 80 }], dockerLabels: { a: 'b' },
        logConfiguration: { logDriver: 'json-file', options: { 'max-size': '10m' } }, environment: [{ name: 'A', value: '1' }],
      }],
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:stack == prod' }],
      tags: [{ key: 'a', value: 'b' }],
    }],
    RunTask: [{ cluster: 'c', taskDefinition: 'web', count: 2, placementStrategy: [{ type: 'binpack', field: 'memory' }], startedBy: 'me', group: 'g', overrides: { containerOverrides: [{ name: 'app', memory: 128 }] } }],
    StartTask: [{ cluster: 'c', taskDefinition: 'web', containerInstances: [i0] }],
    StopTask: [{ cluster: 'c', task, reason: 'done' }],
    SubmitAttachmentStateChanges: [{ cluster: 'c', attachments: [{ attachmentArn, status: 'ATTACHED' }] }],
    SubmitContainerStateChange: [{ cluster: 'c', task, containerName: 'app', status: 'STOPPED', exitCode: 1 }],
    SubmitTaskStateChange: [{ cluster: 'c', task, status: 'STOPPED', reason: 'crashed' }],
    TagResource: [{ resourceArn: service, tags: [{ key: 'a', value: 'b' }] }, { resourceArn: i0, tags: [{ key: 'n', value: 'x' }] }],
    UntagResource: [{ resourceArn: cluster, tagKeys: ['team'] }],
    UpdateContainerAgent: [{ cluster: 'c', containerInstance: i0 }],
    UpdateContainerInstancesState: [{ cluster: 'c', containerInstances: [i3], status: 'ACTIVE' }, { cluster: 'c', containerInstances: [i0, i1], status: 'DRAINING' }],
    UpdateService: [{ cluster: 'c', service: 'api', desiredCount: 3, taskDefinition: 'web', deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 50 }, forceNewDeployment: true }],
    UpdateServicePrimaryTaskSet: [{ cluster: 'c', service: 'ext', primaryTaskSet: green.id! }],
    UpdateTaskSet: [{ cluster: 'c', service: 'ext', taskSet: green.id!, scale: { value: 100, unit: 'PERCENT' } }],
  };
  const clusters = ['c', 'c', 'empty', 'gone', cluster];
  const instanceRefs = [...instances, ...instances.map(lastSegment)];
  const tasks = [task, lastSegment(task)];
  const services = ['api', 'ext', service];
  const taskSets = [blue.id!, blue.taskSetArn!, green.id!, green.taskSetArn!];
  const taskDefinitions = ['web', 'web:1', 'vpc', 'old:1', web];
  const byMember = {
    cluster: clusters, clusters, containerInstance: instanceRefs, containerInstances: instanceRefs, targetId: instanceRefs,
    task: tasks, tasks, service: services, services, serviceName: services, taskSet: taskSets, taskSets, primaryTaskSet: taskSets,
    taskDefinition: taskDefinitions, family: ['web', 'vpc', 'old'], familyPrefix: ['w', 'web', 'v'],
    resourceArn: [cluster, service, web, task, ...instances], principalArn: [ALICE, sim.rootArn], containerName: ['app'],
  };
  return { sim, names, byMember, examples };
}
