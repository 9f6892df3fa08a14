// Load balancers, service registries and the health-check grace period: CreateService keeps them
// and DescribeServices echoes them (none: empty lists, as ECS shows them); UpdateService changes
// the grace period; a grace period without load balancers is refused in ECS's words.
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { expectRejected, register, simWithCluster } from '../fixtures.js';

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';

function world() {
  const sim = simWithCluster();
  register(sim, 1);
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128, portMappings: [{ containerPort: 80 }] }] });
  return sim;
}

describe('service load balancers, registries and grace period', () => {
  it('are kept, echoed by DescribeServices, and survive a snapshot; a service without them shows empty lists', () => {
    const sim = world();
    const loadBalancers = [{ targetGroupArn: TG, containerName: 'web', containerPort: 80 }];
    const serviceRegistries = [{ registryArn: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1', containerName: 'web', containerPort: 80 }];
    const created = sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 1, loadBalancers, serviceRegistries, healthCheckGracePeriodSeconds: 30 }).service!;
    expect(created).toMatchObject({ loadBalancers, serviceRegistries, healthCheckGracePeriodSeconds: 30 });
    sim.updateService({ cluster: 'c', service: 'web', healthCheckGracePeriodSeconds: 90 });
    const restored = EcsSimulator.restore(JSON.parse(JSON.stringify(sim.snapshot())));
    expect(restored.describeServices({ cluster: 'c', services: ['web'] }).services![0]).toMatchObject({ loadBalancers, serviceRegistries, healthCheckGracePeriodSeconds: 90 });
    const plain = sim.createService({ cluster: 'c', serviceName: 'plain', taskDefinition: 'web', desiredCount: 0 }).service!;
    expect(plain.loadBalancers).toEqual([]);
    expect(plain.serviceRegistries).toEqual([]);
    expect(plain).not.toHaveProperty('healthCheckGracePeriodSeconds');
  });

  it('a grace period on a service without load balancers is refused, changing nothing', () => {
    const sim = world();
    expectRejected(sim, () => sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 1, healthCheckGracePeriodSeconds: 30 }), 'InvalidParameterException', /^Health check grace period is only valid for services configured to use load balancers$/);
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    expectRejected(sim, () => sim.updateService({ cluster: 'c', service: 'web', healthCheckGracePeriodSeconds: 30 }), 'InvalidParameterException', /only valid for services configured to use load balancers/);
  });

  it('a snapshot whose load balancers are not the model\'s shape is refused at the path', () => {
    const sim = world();
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 0, loadBalancers: [{ targetGroupArn: TG, containerName: 'web', containerPort: 80 }] });
    const bad = JSON.parse(JSON.stringify(sim.snapshot()));
    bad.clusters[0].services[0].loadBalancers = [{ containerPort: 'eighty' }];
    expect(() => EcsSimulator.restore(bad)).toThrow(/^restore: clusters\[0\]\.services\[0\]: loadBalancers\[0\]\.containerPort must be/);
  });
});
