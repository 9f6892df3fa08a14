/**
 * ECS state is regional: a cluster made in us-east-2 is not seen from us-east-1, and its ARNs
 * name us-east-2. The protocol shells serve one account in every region: the simulator they were
 * given (the "home") is its own region, and another region's simulator is made on first use,
 * with the home's options but that region, its clock at the home's current time. The registry
 * hangs off the home simulator, so `sim.sdkHandler()`, `sim.listen()` and `sim.inRegion()` share it.
 */
import { LAST_DATE_MS } from '../ecs/arguments.js';
import { InvalidParameterException, quote } from '../errors.js';
import type { EcsSimulator, EcsSimulatorOptions } from '../ecs/simulator.js';

/** More regions than AWS has, and a bound on what clients naming made-up regions can allocate. */
export const MAX_REGIONS = 64;

type Constructor = new (options?: EcsSimulatorOptions) => EcsSimulator;

const registries = new WeakMap<EcsSimulator, Map<string, EcsSimulator>>();

/** Every region in use, the home first: region name → simulator. */
export function regionsOf<T extends EcsSimulator>(home: T): ReadonlyMap<string, T> {
  let regions = registries.get(home);
  if (regions === undefined) {
    regions = new Map([[home.state.options.region, home]]);
    registries.set(home, regions);
  }
  return regions as Map<string, T>;
}

/** Options of a fresh simulator for `region` of the home's account, its clock starting at `startTime`. */
function optionsFor(home: EcsSimulator, region: string, startTime: number): EcsSimulatorOptions {
  return { ...home.state.options, region, startTime };
}

/**
 * The simulator serving `region` for the home's account, made on first use. A name that is not
 * a region, or one region more than MAX_REGIONS, is an InvalidParameterException.
 * @example simulatorIn(sim, 'us-east-2').createCluster({ clusterName: 'east2' })
 */
export function simulatorIn<T extends EcsSimulator>(home: T, region: string): T {
  const regions = regionsOf(home) as Map<string, T>;
  const known = regions.get(region);
  if (known !== undefined) return known;
  if (regions.size >= MAX_REGIONS) throw new InvalidParameterException(`region: ${quote(region, 64)} would be region ${MAX_REGIONS + 1}; a simulator serves at most ${MAX_REGIONS}`);
  // The constructor checks the name (the one place that knows what a region name looks like).
  const sim = new (home.constructor as Constructor)(optionsFor(home, region, home.now)) as T;
  regions.set(region, sim);
  registries.set(sim, regions); // so that sim.inRegion(home's region) is the home
  return sim;
}

/** Every region back to the home's start: the home as `reset()` leaves it, the others empty at the same time. */
export function resetRegions(home: EcsSimulator): void {
  home.reset();
  for (const [region, sim] of regionsOf(home)) {
    if (sim !== home) sim.state = new (home.constructor as Constructor)(optionsFor(home, region, home.state.options.startTime)).state;
  }
}

/** Moves every region's clock by `ms`: simulated time is one time. */
/** How far every region's clock can still move before the latest passes `LAST_DATE_MS`. */
export function roomToAdvance(home: EcsSimulator): number {
  return LAST_DATE_MS - Math.max(...[...regionsOf(home).values()].map((sim) => sim.now));
}

export function advanceRegions(home: EcsSimulator, ms: number): void {
  for (const sim of regionsOf(home).values()) sim.advance(ms);
}

/**
 * Puts a restored simulator's state in place of its region's (the snapshot names the region).
 * The endpoint serves one account: a snapshot of another account may only replace the home,
 * and then the other regions (the old account's) are dropped.
 */
export function restoreRegion(home: EcsSimulator, restored: EcsSimulator): void {
  const { region, accountId } = restored.state.options;
  const regions = regionsOf(home) as Map<string, EcsSimulator>;
  const homeRegion = home.state.options.region;
  if (accountId !== home.state.options.accountId) {
    if (region !== homeRegion) {
      throw new InvalidParameterException(`restore: the snapshot is of account ${accountId} in ${region}; this endpoint serves account ${home.state.options.accountId} (a snapshot of another account can only replace the default region, ${homeRegion})`);
    }
    for (const r of [...regions.keys()]) if (r !== homeRegion) regions.delete(r);
  }
  if (region === homeRegion) home.state = restored.state;
  else {
    const known = regions.get(region);
    if (known !== undefined) known.state = restored.state;
    else if (regions.size >= MAX_REGIONS) throw new InvalidParameterException(`restore: this endpoint serves at most ${MAX_REGIONS} regions`);
    else {
      regions.set(region, restored);
      registries.set(restored, regions);
    }
  }
}
