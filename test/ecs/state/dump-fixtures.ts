// What the describe operations print of a cluster (a dump, as JSON) and every describe answer of
// it: shared by the tests that load dumps back.
import type { EcsSimulator } from '../../../src/ecs/simulator.js';

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

