// DiscoverPollEndpoint answers the region's agent endpoints; names it is given must exist.
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { expectRejected, register, simWithCluster } from '../fixtures.js';

describe('DiscoverPollEndpoint', () => {
  it('answers the endpoints of the simulator\'s region, with or without a cluster and instance', () => {
    const sim = simWithCluster({ region: 'eu-west-1' });
    const instance = register(sim, 1);
    const expected = { endpoint: 'https://ecs-a-1.eu-west-1.amazonaws.com/', telemetryEndpoint: 'https://ecs-t-1.eu-west-1.amazonaws.com/' };
    expect(sim.discoverPollEndpoint()).toEqual(expected);
    expect(sim.discoverPollEndpoint({ cluster: 'c' })).toEqual(expected);
    expect(sim.discoverPollEndpoint({ cluster: 'c', containerInstance: instance })).toEqual(expected);
    expect(new EcsSimulator().discoverPollEndpoint().endpoint).toBe('https://ecs-a-1.us-east-1.amazonaws.com/');
  });

  it('refuses a cluster or instance that does not exist with a ClientException', () => {
    const sim = simWithCluster();
    expectRejected(sim, () => sim.discoverPollEndpoint({ cluster: 'nope' }), 'ClientException', /Cluster not found/);
    expectRejected(sim, () => sim.discoverPollEndpoint({ cluster: 'c', containerInstance: '0123456789abcdef0123456789abcdef' }), 'ClientException', /container instance was not found/);
  });
});
