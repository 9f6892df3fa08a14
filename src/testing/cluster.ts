/**
 * Whole clusters with tasks and services, as a recipe: plain data (the ECS requests that build
 * the cluster) and `buildCluster`, which replays it into a fresh `EcsSimulator`.
 *
 * Why a recipe rather than an arbitrary of simulators: a recipe prints as a readable
 * counterexample (the requests, in order), shrinks (fewer instances, tasks, services; simpler
 * requests), can be replayed into several simulators (yours and ours, or one per scheduler
 * under test), and a property that changes the simulator never changes the value fast-check
 * keeps for shrinking.
 */
import fc from 'fast-check';
import type { EcsSimulatorOptions } from '../ecs/simulator.js';
import { EcsSimulator } from '../protocol/simulator.js';
import type { CreateServiceRequest, RegisterContainerInstanceRequest, RegisterTaskDefinitionRequest, RunTaskRequest } from '../shapes.js';
import { containerInstanceRequest, type ContainerInstanceOptions } from './container-instance.js';
import { clusterVocabulary } from './cluster-vocabulary.js';
import { placementConstraints, type PlacementConstraintOptions } from './placement-constraints.js';
import { placementStrategies, type PlacementStrategyOptions } from './placement-strategies.js';
import { taskDefinitionRequest, type TaskDefinitionOptions } from './task-definition.js';

/** The requests that build a cluster, in the order `buildCluster` sends them. */
export interface ClusterRecipe {
  readonly clusterName: string;
  /** The simulator's seed (ids and placement tie-breaks). */
  readonly seed: number;
  /** RegisterContainerInstance requests (without `cluster`), distinct EC2 instance ids. */
  readonly instances: readonly RegisterContainerInstanceRequest[];
  /** Families `td-0`, `td-1`, …, one revision each. */
  readonly taskDefinitions: readonly RegisterTaskDefinitionRequest[];
  /** RunTask requests (without `cluster`) naming those families. */
  readonly tasks: readonly RunTaskRequest[];
  /** CreateService requests (without `cluster`): services `svc-0`, `svc-1`, …. */
  readonly services: readonly CreateServiceRequest[];
  /** Indexes into `instances` set DRAINING once the tasks and services are placed (at most a third of them). */
  readonly draining: readonly number[];
  /** Simulated time to let pass at the end (tasks start after 5 s, services reconcile after 1 s). */
  readonly settleMs: number;
}

export interface ClusterRecipeOptions {
  /** Default `prod`. */
  readonly clusterName?: string;
  /** Default 1 and 10. */
  readonly minInstances?: number;
  readonly maxInstances?: number;
  readonly instances?: ContainerInstanceOptions;
  /** Default 3 task definitions at most, at least 1. */
  readonly maxTaskDefinitions?: number;
  readonly taskDefinitions?: TaskDefinitionOptions;
  /** RunTask calls; default at most 4. */
  readonly maxTasks?: number;
  /** Tasks per RunTask call; default at most 5. */
  readonly maxCount?: number;
  /** Default at most 2 services, each wanting at most 4 tasks. */
  readonly maxServices?: number;
  readonly maxDesiredCount?: number;
  /** Constraints and strategies of RunTask calls and services; memberOf expressions default to the instances' vocabulary. */
  readonly constraints?: PlacementConstraintOptions;
  readonly strategies?: PlacementStrategyOptions;
  /** Whether some instances end up DRAINING; default true. */
  readonly draining?: boolean;
}

function instanceIdOf(request: RegisterContainerInstanceRequest): string {
  return (JSON.parse(request.instanceIdentityDocument ?? '{}') as { instanceId?: string }).instanceId ?? '';
}

/**
 * A cluster recipe: instances, task definitions, standalone tasks, services, some draining.
 *
 * @example
 * fc.assert(fc.property(clusterRecipe({ maxInstances: 5, instances: { gpuShare: 0.5 } }), (recipe) => {
 *   const sim = buildCluster(recipe);
 *   checkInvariants(sim);
 * }));
 */
export function clusterRecipe(options: ClusterRecipeOptions = {}): fc.Arbitrary<ClusterRecipe> {
  const clusterName = options.clusterName ?? 'prod';
  const constraintOptions: PlacementConstraintOptions = { vocabulary: clusterVocabulary(options.instances), ...options.constraints };
  const pick = fc.nat();
  return fc.record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    instances: fc.uniqueArray(containerInstanceRequest(options.instances), {
      minLength: options.minInstances ?? 1, maxLength: options.maxInstances ?? 10, selector: instanceIdOf,
    }),
    taskDefinitions: fc.array(taskDefinitionRequest({ vocabulary: constraintOptions.vocabulary!, ...options.taskDefinitions }), { minLength: 1, maxLength: options.maxTaskDefinitions ?? 3 }),
    tasks: fc.array(fc.record({
      definition: pick,
      count: fc.integer({ min: 1, max: options.maxCount ?? 5 }),
      placementConstraints: placementConstraints(constraintOptions),
      placementStrategy: placementStrategies(options.strategies),
      // Mostly the default group (family:<family>), sometimes a shared one.
      group: fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.constant('batch'), weight: 1 }),
    }), { maxLength: options.maxTasks ?? 4 }),
    services: fc.array(fc.record({
      definition: pick,
      desiredCount: fc.integer({ min: 0, max: options.maxDesiredCount ?? 4 }),
      placementConstraints: placementConstraints(constraintOptions),
      placementStrategy: placementStrategies(options.strategies),
    }), { maxLength: options.maxServices ?? 2 }),
    draining: options.draining === false ? fc.constant<number[]>([]) : fc.array(pick, { maxLength: 2 }),
    settleMs: fc.constantFrom(0, 1_000, 6_000, 60_000),
  }).map((r): ClusterRecipe => {
    const families = r.taskDefinitions.map((_, i) => `td-${i}`);
    const family = (n: number) => families[n % families.length]!;
    return {
      clusterName,
      seed: r.seed,
      instances: r.instances,
      taskDefinitions: r.taskDefinitions.map((td, i) => ({ ...td, family: families[i]! })),
      tasks: r.tasks.map(({ definition, group, ...t }) => ({ taskDefinition: family(definition), ...t, ...(group === undefined ? {} : { group }) })),
      services: r.services.map(({ definition, ...s }, i) => ({ serviceName: `svc-${i}`, taskDefinition: family(definition), ...s })),
      // At most a third of the instances drain, so most clusters keep somewhere to place tasks.
      draining: [...new Set(r.draining.map((n) => n % r.instances.length))].slice(0, Math.floor(r.instances.length / 3)),
      settleMs: r.settleMs,
    };
  });
}

/**
 * A fresh simulator holding the recipe's cluster: instances registered, task definitions
 * registered, RunTask calls made (tasks that do not fit are reported by RunTask, not thrown),
 * services created, the `draining` instances set DRAINING, then `settleMs` of simulated time.
 *
 * @example
 * const sim = buildCluster(fc.sample(clusterRecipe(), { seed: 42, numRuns: 1 })[0]!);
 * sim.listContainerInstances({ cluster: 'prod' });
 */
export function buildCluster(recipe: ClusterRecipe, options: EcsSimulatorOptions = {}): EcsSimulator {
  const sim = new EcsSimulator({ seed: recipe.seed, ...options });
  const cluster = recipe.clusterName;
  sim.createCluster({ clusterName: cluster });
  const arns = recipe.instances.map((i) => sim.registerContainerInstance({ ...i, cluster }).containerInstance!.containerInstanceArn!);
  for (const td of recipe.taskDefinitions) sim.registerTaskDefinition(td);
  // RunTask refuses a cluster without instances; a recipe may have none.
  if (arns.length > 0) for (const t of recipe.tasks) sim.runTask({ ...t, cluster });
  for (const s of recipe.services) sim.createService({ ...s, cluster });
  const draining = recipe.draining.flatMap((i) => (arns[i] === undefined ? [] : [arns[i]!]));
  if (draining.length > 0) sim.updateContainerInstancesState({ cluster, containerInstances: draining, status: 'DRAINING' });
  sim.advance(recipe.settleMs);
  return sim;
}
