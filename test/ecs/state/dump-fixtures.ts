// What the describe operations print of a cluster (a dump, as JSON) and every describe answer of
// it: shared by the tests that load dumps back.
import type { EcsSimulator } from '../../../src/ecs/simulator.js';
import { register, simWithCluster } from '../fixtures.js';


/** What describe-container-instances, describe-tasks, describe-task-definition and describe-services print, as JSON. */
export function dumpOf(sim: EcsSimulator, cluster = 'c'): unknown {
  const instances = sim.listContainerInstances({ cluster }).containerInstanceArns!;
  const tasks = [...sim.listTasks({ cluster }).taskArns!, ...sim.listTasks({ cluster, desiredStatus: 'STOPPED' }).taskArns!];
  const families = sim.listTaskDefinitions({}).taskDefinitionArns!;
  const services = sim.listServices({ cluster }).serviceArns!;
  return JSON.parse(JSON.stringify({
    containerInstances: sim.describeContainerInstances({ cluster, containerInstances: instances }).containerInstances,
    tasks: sim.describeTasks({ cluster, tasks, include: ['TAGS'] }).tasks,
    taskDefinitions: families.map((arn) => sim.describeTaskDefinition({ taskDefinition: arn }).taskDefinition),
    services: sim.describeServices({ cluster, services, include: ['TAGS'] }).services,
  }));
}

/** Every describe answer of the cluster (with the task sets of service `taskSetsOf`, if given). */
export function answers(sim: EcsSimulator, cluster = 'c', taskSetsOf?: string) {
  const instances = sim.listContainerInstances({ cluster }).containerInstanceArns!;
  const tasks = [...sim.listTasks({ cluster }).taskArns!, ...sim.listTasks({ cluster, desiredStatus: 'STOPPED' }).taskArns!];
  const services = sim.listServices({ cluster }).serviceArns!;
  return {
    instances: sim.describeContainerInstances({ cluster, containerInstances: instances }),
    tasks: sim.describeTasks({ cluster, tasks: [...tasks].sort(), include: ['TAGS'] }),
    services: sim.describeServices({ cluster, services, include: ['TAGS'] }),
    taskSets: taskSetsOf === undefined ? undefined : sim.describeTaskSets({ cluster, service: taskSetsOf, include: ['TAGS'] }),
  };
}

const network = { awsvpcConfiguration: { subnets: ['subnet-1'] } };

/** A cluster `c` with a task of every kind, some RUNNING, some PENDING, one STOPPED. */
export function everyKind(): EcsSimulator {
  const sim = simWithCluster();
  for (let n = 0; n < 4; n++) register(sim, n, { attributes: [{ name: 'role', value: n < 3 ? 'worker' : 'edge' }] });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', cpu: 256, memory: 512, portMappings: [{ containerPort: 80, hostPort: 8080 }] }] });
  sim.registerTaskDefinition({ family: 'agent', placementConstraints: [{ type: 'memberOf', expression: 'attribute:role == worker' }], containerDefinitions: [{ name: 'agent', image: 'datadog', cpu: 64, memory: 128 }] });
  sim.registerTaskDefinition({ family: 'fg', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512', containerDefinitions: [{ name: 'app', image: 'nginx' }] });
  sim.registerTaskDefinition({ family: 'ext', containerDefinitions: [{ name: 'ext', image: 'app', cpu: 128, memory: 256 }] });
  sim.registerTaskDefinition({ family: 'ext', containerDefinitions: [{ name: 'ext', image: 'app:2', cpu: 128, memory: 256 }] });
  sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 3, enableECSManagedTags: true, tags: [{ key: 'team', value: 'a' }], propagateTags: 'SERVICE' });
  sim.createService({ cluster: 'c', serviceName: 'agent', taskDefinition: 'agent', schedulingStrategy: 'DAEMON' });
  sim.createService({ cluster: 'c', serviceName: 'fg', taskDefinition: 'fg', desiredCount: 2, launchType: 'FARGATE', networkConfiguration: network });
  sim.createService({ cluster: 'c', serviceName: 'ext', desiredCount: 4, deploymentController: { type: 'EXTERNAL' } });
  const blue = sim.createTaskSet({ cluster: 'c', service: 'ext', taskDefinition: 'ext:1', externalId: 'blue', scale: { value: 50, unit: 'PERCENT' } }).taskSet!;
  sim.createTaskSet({ cluster: 'c', service: 'ext', taskDefinition: 'ext:2', scale: { value: 50, unit: 'PERCENT' } });
  sim.updateServicePrimaryTaskSet({ cluster: 'c', service: 'ext', primaryTaskSet: blue.id! });
  sim.runTask({ cluster: 'c', taskDefinition: 'fg', launchType: 'FARGATE', networkConfiguration: network, startedBy: 'batch' });
  sim.advance(60_000);
  const [standalone] = sim.runTask({ cluster: 'c', taskDefinition: 'web', count: 1, startedBy: 'cron' }).tasks!;
  sim.stopTask({ cluster: 'c', task: standalone!.taskArn!, reason: 'done' });
  sim.advance(60_000);
  sim.runTask({ cluster: 'c', taskDefinition: 'ext:2', count: 1 }); // still PENDING when dumped
  return sim;
}
