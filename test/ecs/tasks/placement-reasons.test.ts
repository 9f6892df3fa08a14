// A UDP host-port conflict has its own reason code (RESOURCE:PORTS_UDP) in what-if tallies, while
// ECS clients see what ECS documents: RESOURCE:PORTS in RunTask failures and the port-conflict
// text in service events (placement/reasons.ts).
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { identity } from '../fixtures.js';

function dnsCluster() {
  const sim = new EcsSimulator({ seed: 3 });
  sim.createCluster({ clusterName: 'c' });
  const { containerInstance } = sim.registerContainerInstance({
    cluster: 'c',
    instanceIdentityDocument: identity('i-0', 'm5.large', 'us-east-1a'),
    totalResources: [
      { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
      { name: 'MEMORY', type: 'INTEGER', integerValue: 4096 },
      { name: 'PORTS', type: 'STRINGSET', stringSetValue: ['22'] },
      { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: [] },
    ],
    versionInfo: { agentVersion: '1.29.0' },
  });
  sim.registerTaskDefinition({ family: 'dns', containerDefinitions: [{ name: 'dns', image: 'coredns', cpu: 10, memory: 10, portMappings: [{ containerPort: 53, hostPort: 53, protocol: 'udp' }] }] });
  return { sim, arn: containerInstance!.containerInstanceArn! };
}

describe('a UDP host port that is taken', () => {
  it('is RESOURCE:PORTS in RunTask failures (the only port reason ECS documents)', () => {
    const { sim, arn } = dnsCluster();
    expect(sim.runTask({ cluster: 'c', taskDefinition: 'dns' }).failures).toEqual([]);
    expect(sim.runTask({ cluster: 'c', taskDefinition: 'dns' }).failures).toEqual([{ arn, reason: 'RESOURCE:PORTS' }]);
  });

  it('is RESOURCE:PORTS_UDP in the bulk placement tally', () => {
    const { sim } = dnsCluster();
    const result = sim.placeTasks({ cluster: 'c', taskDefinition: 'dns', count: 3 });
    expect(result.unplaced).toBe(2);
    expect(result.rejections).toEqual({ 'RESOURCE:PORTS_UDP': 2 });
  });

  it('reads as a port conflict in the service event', () => {
    const { sim } = dnsCluster();
    sim.createService({ cluster: 'c', serviceName: 'dns', taskDefinition: 'dns', desiredCount: 2 });
    sim.advance(60_000);
    const events = sim.describeServices({ cluster: 'c', services: ['dns'] }).services![0]!.events!.map((e) => e.message!);
    expect(events.find((m) => m.includes('was unable to place a task'))).toMatch(/\) is already using a port required by your task\.$/);
  });
});
