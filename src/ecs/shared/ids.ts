/**
 * Ids drawn from the seeded random source that are not in use yet. A state loaded from a dump or
 * snapshot with the seed that made it replays the same draws, so a draw can repeat an id already
 * taken (a second record under one ARN); drawing again until the id is free keeps the same seed
 * giving the same ids.
 */

/**
 * The first id `draw` gives that `taken` does not know.
 * @example unusedId(() => state.random.hex(32), (id) => cluster.taskIdToArn.has(id))
 */
export function unusedId(draw: () => string, taken: (id: string) => boolean): string {
  for (;;) {
    const id = draw();
    if (!taken(id)) return id;
  }
}

/**
 * Whether any cluster of the state has `id` in the map `pick` names (container instance or task ids).
 * Takes the clusters' map itself (its `forEach` makes no list: this runs for every new task).
 * @example idInAnyCluster(state.clusters, 'taskIdToArn', id)
 */
export function idInAnyCluster(clusters: { forEach(f: (cluster: ClusterIds) => void): void }, pick: 'arnById' | 'taskIdToArn', id: string): boolean {
  let found = false;
  clusters.forEach((c) => {
    if (!found && c[pick].has(id)) found = true;
  });
  return found;
}

/** What `idInAnyCluster` reads of a cluster. */
interface ClusterIds {
  readonly arnById: { has(id: string): boolean };
  readonly taskIdToArn: { has(id: string): boolean };
}
