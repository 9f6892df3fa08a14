import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../src/ecs/simulator.js';

describe('clusters', () => {
  it('CreateCluster creates once and is idempotent; the default name is default', () => {
    const sim = new EcsSimulator();
    expect(sim.createCluster({ clusterName: 'prod' }).cluster).toMatchObject({ clusterName: 'prod', status: 'ACTIVE', clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod' });
    sim.createCluster({ clusterName: 'prod' });
    sim.createCluster();
    expect(sim.listClusters().clusterArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:cluster/prod', 'arn:aws:ecs:us-east-1:123456789012:cluster/default']);
  });
  it('accepts a cluster by name or ARN, and refuses an ARN of another account or region', () => {
    const sim = new EcsSimulator();
    sim.createCluster({ clusterName: 'prod' });
    expect(sim.listContainerInstances({ cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod' }).containerInstanceArns).toEqual([]);
    expect(() => sim.listContainerInstances({ cluster: 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod' })).toThrow(/is not a cluster of account 123456789012 in us-east-1/);
  });
  it('an unknown cluster is ClusterNotFoundException: Cluster not found.', () => {
    const sim = new EcsSimulator();
    expect(() => sim.listContainerInstances({ cluster: 'x' })).toThrow('Cluster not found.');
    expect(() => sim.listContainerInstances()).toThrow('Cluster not found.');
  });
  it('refuses a bad cluster name', () => {
    expect(() => new EcsSimulator().createCluster({ clusterName: 'a b' })).toThrow(/clusterName: up to 255 letters/);
  });
  it('DescribeClusters reports counts and MISSING clusters', () => {
    const sim = new EcsSimulator();
    sim.createCluster({ clusterName: 'prod' });
    const r = sim.describeClusters({ clusters: ['prod', 'nope'] });
    expect(r.clusters).toMatchObject([{ clusterName: 'prod', registeredContainerInstancesCount: 0 }]);
    expect(r.failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/nope', reason: 'MISSING' }]);
  });
  it('ListClusters pages with signed tokens', () => {
    const sim = new EcsSimulator();
    for (const n of ['a', 'b', 'c']) sim.createCluster({ clusterName: n });
    const p1 = sim.listClusters({ maxResults: 2 });
    expect(p1.clusterArns).toHaveLength(2);
    expect(sim.listClusters({ maxResults: 2, nextToken: p1.nextToken }).clusterArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:cluster/c']);
  });
  it('validates simulator options', () => {
    expect(() => new EcsSimulator({ accountId: '12' })).toThrow(/account id has 12 digits/);
    expect(() => new EcsSimulator({ region: 'mars' })).toThrow(/not an AWS Region name/);
    expect(() => new EcsSimulator({ startTime: 'never' })).toThrow(/not a valid time/);
  });
});
