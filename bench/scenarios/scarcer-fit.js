/**
 * An example scheduler plug-in for `ecs-cluster-sim benchmark --scheduler plugin:<this file>`:
 * best fit on the scarcer resource. For each task it asks which of CPU and memory is scarcer for
 * this task shape — the one of which the candidate instances have room for fewer such tasks,
 * counted over all of them — and picks the candidate with the least of that resource left (ties:
 * the least of the other, then the first in the engine's order). Binpack on a fixed resource
 * packs one resource and strands the other when the workload's mix changes; this follows the mix.
 *
 * The engine hands it only feasible candidates (ACTIVE, agent connected, with the attributes,
 * resources and constraints the task needs) and checks its pick again. Its shape is the
 * package's `SchedulerPlugin` type: `{ name, place(task, candidates, view) }`.
 */
const scarcerFit = {
  name: 'scarcer-fit',
  place(task, candidates, view) {
    const { cpu, memory } = task.requirements;
    let cpuLeft = 0;
    let memoryLeft = 0;
    for (const slot of candidates) {
      cpuLeft += view.remainingCpu(slot);
      memoryLeft += view.remainingMemory(slot);
    }
    // Tasks of this shape the candidates could take by each resource alone: the fewer, the scarcer.
    const byCpu = cpu > 0 ? cpuLeft / cpu : Number.POSITIVE_INFINITY;
    const byMemory = memory > 0 ? memoryLeft / memory : Number.POSITIVE_INFINITY;
    const cpuFirst = byCpu <= byMemory;
    let best = null;
    let bestScarce = 0;
    let bestOther = 0;
    for (const slot of candidates) {
      const scarce = cpuFirst ? view.remainingCpu(slot) : view.remainingMemory(slot);
      const other = cpuFirst ? view.remainingMemory(slot) : view.remainingCpu(slot);
      if (best === null || scarce < bestScarce || (scarce === bestScarce && other < bestOther)) {
        best = slot;
        bestScarce = scarce;
        bestOther = other;
      }
    }
    return best;
  },
};

export default scarcerFit;
