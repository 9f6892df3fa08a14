/**
 * Runs a checked scenario on a loaded cluster: each step in order on the main line; a `branches`
 * step runs each branch on its own fork and leaves the main line as it was. ECS errors raised by
 * a step keep their ECS name and say which step raised them.
 */
import { EcsError } from '../../errors.js';
import { utilisationOf } from '../../ecs/what-if/utilisation.js';
import { OPERATIONS } from '../../protocol/dispatcher.js';
import type { EcsSimulator } from '../../protocol/simulator.js';
import { toWire } from '../../protocol/wire.js';
import { SeededRandom } from '../../sim/random.js';
import type { LoadedCluster } from '../data.js';
import { describeAll } from '../describe-all.js';
import { attributeOf, type UtilisationView } from '../format.js';
import type { Progress } from '../progress.js';
import { headlineReason } from '../reasons.js';
import { movedByService } from '../what-if/drain.js';
import { placeWithFailures } from '../what-if/place.js';
import { refreshInstances } from '../what-if/instance-refresh.js';
import { alternativesOf } from './alternatives.js';
import type { ScenarioResult, StepCore, StepResult } from './results.js';
import { newShortfall, serviceShortfall, type Shortfall } from '../what-if/shortfall.js';
import type { Scenario, Step } from './steps.js';

/** ECS operations that act on a cluster: the loaded one unless the request names another. */
const CLUSTER_SCOPED = new Set([
  'RegisterContainerInstance', 'ListContainerInstances', 'DescribeContainerInstances', 'UpdateContainerInstancesState',
  'DeregisterContainerInstance', 'UpdateContainerAgent', 'SubmitAttachmentStateChanges', 'PutAttributes', 'DeleteAttributes',
  'ListAttributes', 'RunTask', 'StartTask', 'StopTask', 'ListTasks', 'DescribeTasks', 'CreateService', 'UpdateService',
  'DeleteService', 'DescribeServices', 'ListServices',
]);

interface Run {
  readonly cluster: string;
  /** draws the EC2 instance ids of replacements; seeded from the run's seed */
  readonly random: SeededRandom;
  readonly progress: Progress;
  readonly total: number;
  done: number;
}

function utilisation(sim: EcsSimulator, cluster: string): UtilisationView {
  return utilisationOf(sim.state.clusters.get(cluster)!);
}

function countSteps(steps: readonly Step[]): number {
  return steps.reduce((n, s) => n + 1 + (s.op === 'branches' ? s.branches.reduce((m, b) => m + countSteps(b.steps), 0) : 0), 0);
}

function runStep(sim: EcsSimulator, step: Step, run: Run, shortfall: () => Shortfall[]): StepCore {
  const { cluster } = run;
  const base = { path: step.path, label: step.label };
  switch (step.op) {
    case 'query': {
      const options = { cluster, ...(step.status ? { status: step.status } : {}) };
      const count = sim.query(step.filter, options).length;
      return { ...base, op: 'query', filter: step.filter, count, plan: step.explain ? sim.explain(step.filter, options) : undefined };
    }
    case 'place': {
      const params = {
        cluster,
        taskDefinition: step.taskDefinition,
        placementStrategy: step.placementStrategy,
        placementConstraints: step.placementConstraints,
        ...(step.group === undefined ? {} : { group: step.group }),
      };
      const { result, failureTally: failures } = placeWithFailures(sim, params, step.count);
      const instances = describeAll(sim, cluster, [...new Set(result.containerInstanceArns)]);
      const azOf = new Map(instances.map((i) => [i.containerInstanceArn!, attributeOf(i, 'ecs.availability-zone') || '(none)']));
      const byAvailabilityZone: Record<string, number> = {};
      for (const arn of result.containerInstanceArns) byAvailabilityZone[azOf.get(arn)!] = (byAvailabilityZone[azOf.get(arn)!] ?? 0) + 1;
      const taskDefinitionArn = sim.state.taskDefinitions.resolve(step.taskDefinition).taskDefinitionArn!;
      return {
        ...base,
        op: 'place',
        taskDefinitionArn,
        requested: step.count,
        placed: result.taskArns.length,
        unplaced: result.unplaced,
        byAvailabilityZone: Object.fromEntries(Object.entries(byAvailabilityZone).sort(([a], [b]) => a.localeCompare(b))),
        failures,
        reason: headlineReason(failures),
      };
    }
    case 'drain':
    case 'fail': {
      const { fork, ...report } = step.op === 'drain'
        ? sim.drainWhatIf(step.filter, { cluster, settleMs: step.settleSeconds * 1000 })
        : sim.failWhatIf(step.filter, { cluster, settleMs: step.settleSeconds * 1000 });
      // drainWhatIf ran on a fork; the scenario's drain is part of its line, so the line takes
      // the fork's state and later steps see the drained cluster.
      sim.state = fork.state;
      const services = movedByService(report, shortfall());
      return {
        ...base,
        op: step.op,
        filter: step.filter,
        settleSeconds: step.settleSeconds,
        instances: report.containerInstanceArns.length,
        moved: services.reduce((n, s) => n + s.tasks, 0),
        services,
        stuck: report.services.filter((s) => s.stuck.length > 0).map((s) => ({ service: s.service, tasks: s.stuck.length, reason: s.reason! })),
        standaloneLeft: report.standalone.left.length,
        standaloneLost: report.standalone.lost.length,
        utilisation: report.utilisation,
      };
    }
    case 'advance': {
      sim.advance(step.seconds * 1000);
      const arns: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = sim.listServices({ cluster, maxResults: 100, ...(nextToken === undefined ? {} : { nextToken }) });
        arns.push(...page.serviceArns!);
        nextToken = page.nextToken;
      } while (nextToken !== undefined);
      const described = describeServicesAll(sim, cluster, arns);
      return { ...base, op: 'advance', seconds: step.seconds, services: described };
    }
    case 'replaceInstances': {
      const outcome = refreshInstances(sim, cluster, step.filter, step.settleSeconds, run.random);
      const services = movedByService(outcome.report, shortfall());
      return {
        ...base,
        op: 'replaceInstances',
        filter: step.filter,
        settleSeconds: step.settleSeconds,
        replaced: outcome.replaced,
        trunked: outcome.trunked,
        registrationFailed: outcome.registrationFailed,
        moved: services.reduce((n, s) => n + s.tasks, 0),
        services,
        standaloneStopped: outcome.standaloneStopped,
      };
    }
    case 'ecs': {
      const request = CLUSTER_SCOPED.has(step.operation) && step.request['cluster'] === undefined ? { ...step.request, cluster } : step.request;
      const response = OPERATIONS[step.operation]!(sim, request, step.principalArn);
      return { ...base, op: 'ecs', operation: step.operation, response: toWire(response) };
    }
    case 'branches':
      return {
        ...base,
        op: 'branches',
        branches: step.branches.map((b) => {
          const fork = sim.fork();
          const steps = runSteps(fork, b.steps, run);
          return { name: b.name, steps, utilisation: utilisation(fork, cluster) };
        }),
      };
  }
}

function describeServicesAll(sim: EcsSimulator, cluster: string, arns: readonly string[]) {
  const out: { service: string; desired: number; running: number; pending: number }[] = [];
  for (let i = 0; i < arns.length; i += 10) {
    for (const s of sim.describeServices({ cluster, services: arns.slice(i, i + 10) }).services!) {
      out.push({ service: s.serviceName!, desired: s.desiredCount ?? 0, running: s.runningCount ?? 0, pending: s.pendingCount ?? 0 });
    }
  }
  return out;
}

function runSteps(sim: EcsSimulator, steps: readonly Step[], run: Run): StepResult[] {
  return steps.map((step) => {
    run.progress.update(run.done, run.total, step.label);
    const before = serviceShortfall(sim, run.cluster);
    // Asked once, after the step: what it left unplaced beyond the shortfall before it.
    let after: Shortfall[] | undefined;
    const shortfall = () => (after ??= newShortfall(before, serviceShortfall(sim, run.cluster)));
    let result: StepResult;
    try {
      const core = runStep(sim, step, run, shortfall);
      // A branches step leaves the line as it was; its branches report their own shortfalls.
      result = { ...core, shortfall: core.op === 'branches' ? [] : shortfall() };
    } catch (e) {
      if (e instanceof EcsError) {
        const error = new EcsError(e.name, `${step.path} (${step.label}): ${e.message}`, e.httpStatus);
        throw error;
      }
      throw e;
    }
    run.done++;
    run.progress.update(run.done, run.total, step.label);
    return result;
  });
}

/** Runs `scenario` on `loaded.sim` (which it changes: load the data afresh for another run). */
export function runScenario(scenario: Scenario, loaded: LoadedCluster, progress: Progress): ScenarioResult {
  const { sim, cluster } = loaded;
  const before = utilisation(sim, cluster);
  const instances = sim.query(null, { cluster }).length;
  const run: Run = { cluster, random: new SeededRandom(loaded.seed), progress, total: countSteps(scenario.steps), done: 0 };
  let steps: StepResult[];
  try {
    steps = runSteps(sim, scenario.steps, run);
  } finally {
    progress.finish();
  }
  const after = utilisation(sim, cluster);
  return {
    description: scenario.description,
    data: { source: loaded.source, cluster, seed: loaded.seed, instances, tasks: before.total.tasks },
    utilisation: { before, after },
    steps,
    alternatives: alternativesOf(steps, after),
  };
}
