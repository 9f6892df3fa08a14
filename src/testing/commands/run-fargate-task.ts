/**
 * RunTask with launchType FARGATE: the tasks run on no container instance, and no instance's
 * remaining resources or task counts change.
 */
import { EcsCommand } from './command.js';
import { mismatch, type EcsModel, type EcsReal } from './model.js';

const FAMILY = 'fargate-cmd';

function instancesText(m: Readonly<EcsModel>, r: EcsReal): string {
  const arns = [...m.instances.keys()];
  const out: unknown[] = [];
  for (let i = 0; i < arns.length; i += 100) {
    for (const ci of r.sim.describeContainerInstances({ cluster: r.cluster, containerInstances: arns.slice(i, i + 100) }).containerInstances ?? []) {
      out.push([ci.remainingResources, ci.runningTasksCount, ci.pendingTasksCount]);
    }
  }
  return JSON.stringify(out);
}

export class RunFargateTask extends EcsCommand {
  constructor(readonly count: number) {
    super();
  }

  protected apply(m: EcsModel, r: EcsReal): void {
    try {
      r.sim.describeTaskDefinition({ taskDefinition: FAMILY });
    } catch {
      r.sim.registerTaskDefinition({ family: FAMILY, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512', containerDefinitions: [{ name: 'app', image: 'nginx' }] });
    }
    const before = instancesText(m, r);
    const { tasks = [], failures = [] } = r.sim.runTask({
      cluster: r.cluster, taskDefinition: FAMILY, launchType: 'FARGATE', count: this.count, networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
    });
    if (tasks.length !== this.count || failures.length > 0) mismatch(`RunTask FARGATE placed ${tasks.length} of ${this.count}, failures ${JSON.stringify(failures)}`);
    if (tasks.some((t) => t.launchType !== 'FARGATE' || t.containerInstanceArn !== undefined)) mismatch('a FARGATE task names a container instance');
    if (instancesText(m, r) !== before) mismatch('a FARGATE task changed a container instance');
  }

  toString(): string {
    return `RunFargateTask(${this.count})`;
  }
}
