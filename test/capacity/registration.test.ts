// Planned instances register as the generator's instances of the same type do: the same CPU,
// memory, reserved ports, GPUs and ENI task limit, and the built-in attributes placement reads.
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/capacity/catalogue.js';
import { clusterFacts } from '../../src/capacity/cluster-facts.js';
import { registerPlanned, releaseFor } from '../../src/capacity/registration.js';
import { JUNE_2019_US_EAST_1_LINUX } from '../../src/capacity/prices-2019.js';
import { generateCluster } from '../../src/sim/cluster-generator.js';
import { INSTANCE_TYPES } from '../../src/sim/instance-types.js';
import { generated } from './fixtures.js';

describe('the catalogue and its registration', () => {
  it('has every generator type, priced, with what the agent registers', () => {
    const catalogue = defaultCatalogue();
    expect(catalogue.map((t) => t.instanceType)).toEqual(INSTANCE_TYPES.map((t) => t.name));
    for (const t of catalogue) expect(JUNE_2019_US_EAST_1_LINUX[t.instanceType]).toBeGreaterThan(0);
    expect(catalogue.find((t) => t.instanceType === 'c5.large')).toMatchObject({ cpu: 2048, memory: 3705, eniTasks: 2, eniTasksTrunked: 10, gpus: 0 });
    expect(catalogue.find((t) => t.instanceType === 'p3.8xlarge')).toMatchObject({ gpus: 4, architecture: 'x86_64' });
  });

  it('registers a planned instance with the resources a generated instance of its type has', () => {
    const dump = generateCluster({ instances: 300, seed: 5 });
    const sim = generated(300, 5);
    const facts = clusterFacts(sim, 'sample');
    const ctx = { agentVersion: '1.29.0', release: releaseFor('1.29.0'), facts };
    const byType = new Map(dump.containerInstances.map((i) => [i.attributes.find((a) => a.name === 'ecs.instance-type')!.value!, i]));
    let checked = 0;
    for (const type of defaultCatalogue()) {
      const twin = byType.get(type.instanceType);
      if (twin === undefined) continue;
      const [arn] = registerPlanned(sim, ctx, 'sample', [{ type, availabilityZone: 'us-east-1a', attributes: [{ name: 'stack', value: 'prod' }], count: 1 }]);
      const planned = sim.describeContainerInstances({ cluster: 'sample', containerInstances: [arn!] }).containerInstances![0]!;
      const view = (r: { name?: string; integerValue?: number; stringSetValue?: string[] }[] | undefined) => (r ?? []).map((x) => ({ name: x.name, integerValue: x.integerValue ?? 0, stringSetValue: [...(x.stringSetValue ?? [])].sort() }));
      expect(view(planned.registeredResources), type.instanceType).toEqual(view(twin.registeredResources));
      const attrs = new Map(planned.attributes!.map((a) => [a.name, a.value]));
      expect(attrs.get('ecs.instance-type')).toBe(type.instanceType);
      expect(attrs.get('ecs.cpu-architecture')).toBe(type.architecture);
      expect(attrs.get('ecs.availability-zone')).toBe('us-east-1a');
      expect(attrs.has('ecs.capability.task-eni')).toBe(true);
      expect(attrs.get('stack')).toBe('prod');
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });
});
