// Every error an operation answers is one it declares (`errorsOf`: the model's list for it, what
// ECS is known to answer beyond it, SerializationException): a shared check's error that the
// model does not list for the operation comes back as the operation's ClientException (or
// InvalidParameterException where it lists no ClientException), same message, nothing changed.
import { describe, expect, it } from 'vitest';
import { errorsOf } from '../../src/ecs/operation.js';
import { OPERATIONS } from '../../src/model/operations.generated.js';
import { expectRejected, simWithCluster } from './fixtures.js';

describe('errors an operation answers', () => {
  it('errorsOf is the model\'s list, the known extra (RegisterContainerInstance: ClusterNotFoundException) and SerializationException', () => {
    expect(errorsOf('DiscoverPollEndpoint')).toEqual([...OPERATIONS.DiscoverPollEndpoint.errors, 'SerializationException']);
    expect(errorsOf('RegisterContainerInstance')).toContain('ClusterNotFoundException');
    expect(OPERATIONS.RegisterContainerInstance.errors).not.toContain('ClusterNotFoundException');
  });

  it('an unknown cluster in an operation whose model lists no ClusterNotFoundException is its ClientException', () => {
    const sim = simWithCluster();
    expect(OPERATIONS.SubmitTaskStateChange.errors).not.toContain('ClusterNotFoundException');
    expectRejected(sim, () => sim.submitTaskStateChange({ cluster: 'nope', task: '0123456789abcdef0123456789abcdef', status: 'STOPPED' }), 'ClientException', /Cluster not found/);
    expectRejected(sim, () => sim.registerContainerInstance({ cluster: 'nope' }), 'ClusterNotFoundException');
  });

  it('a model constraint broken in an operation whose model lists no InvalidParameterException is its ClientException', () => {
    const sim = simWithCluster();
    expect(OPERATIONS.DiscoverPollEndpoint.errors).not.toContain('InvalidParameterException');
    expectRejected(sim, () => sim.discoverPollEndpoint({ cluster: 'no such name!' }), 'ClientException', /cluster/);
    expectRejected(sim, () => sim.submitContainerStateChange({ cluster: 'c', status: 'x'.repeat(10), networkBindings: [{ protocol: 'sctp' as never }] }), 'ClientException', /protocol/);
  });

  it('a wrong JSON type stays a SerializationException everywhere', () => {
    const sim = simWithCluster();
    for (const op of ['discoverPollEndpoint', 'putAttributes', 'submitContainerStateChange'] as const) {
      expectRejected(sim, () => (sim[op] as (r: unknown) => unknown)({ cluster: 7 }), 'SerializationException', /cluster must be a string/);
    }
  });
});
