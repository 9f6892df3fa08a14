// DescribeTaskDefinition, DeregisterTaskDefinition, ListTaskDefinitions, ListTaskDefinitionFamilies,
// and what an INACTIVE revision may still do.
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { expectRejected, register, simWithCluster } from '../fixtures.js';

const ARN = 'arn:aws:ecs:us-east-1:123456789012:task-definition';

function withDefinitions(): EcsSimulator {
  const sim = simWithCluster();
  for (const family of ['web', 'api', 'web', 'batch', 'web', 'api']) {
    sim.registerTaskDefinition({ family, containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 128, memory: 128 }], tags: [{ key: 'team', value: family }] });
  }
  return sim;
}

function listAll(sim: EcsSimulator, request: Parameters<EcsSimulator['listTaskDefinitions']>[0] = {}, pageSize = 1): string[] {
  const out: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = sim.listTaskDefinitions({ ...request, maxResults: pageSize, ...(nextToken === undefined ? {} : { nextToken }) });
    out.push(...page.taskDefinitionArns!);
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return out;
}

describe('DescribeTaskDefinition', () => {
  it('finds a revision by family (latest ACTIVE), family:revision and ARN, tags only when asked', () => {
    const sim = withDefinitions();
    expect(sim.describeTaskDefinition({ taskDefinition: 'web' }).taskDefinition!.revision).toBe(3);
    expect(sim.describeTaskDefinition({ taskDefinition: 'web:2' }).taskDefinition!.taskDefinitionArn).toBe(`${ARN}/web:2`);
    expect(sim.describeTaskDefinition({ taskDefinition: `${ARN}/api:1` }).taskDefinition!.family).toBe('api');
    expect(sim.describeTaskDefinition({ taskDefinition: 'web:1' })).not.toHaveProperty('tags');
    expect(sim.describeTaskDefinition({ taskDefinition: 'web:1', include: ['TAGS'] }).tags).toEqual([{ key: 'team', value: 'web' }]);
  });

  it('answers an unknown definition with ClientException "Unable to describe task definition."', () => {
    const sim = withDefinitions();
    expectRejected(sim, () => sim.describeTaskDefinition({ taskDefinition: 'nope' }), 'ClientException', /^Unable to describe task definition\.$/);
    expectRejected(sim, () => sim.describeTaskDefinition({ taskDefinition: 'web:9' }), 'ClientException', /Unable to describe/);
    expectRejected(sim, () => sim.describeTaskDefinition({} as never), 'InvalidParameterException', /taskDefinition/);
  });

  it('hands out a copy: changing the answer changes nothing registered', () => {
    const sim = withDefinitions();
    const td = sim.describeTaskDefinition({ taskDefinition: 'web:1' }).taskDefinition;
    td!.containerDefinitions![0]!.cpu = 4096;
    expect(sim.describeTaskDefinition({ taskDefinition: 'web:1' }).taskDefinition!.containerDefinitions![0]!.cpu).toBe(128);
  });
});

describe('DeregisterTaskDefinition', () => {
  it('marks the revision INACTIVE; the family then means its latest ACTIVE revision', () => {
    const sim = withDefinitions();
    expect(sim.deregisterTaskDefinition({ taskDefinition: 'web:3' }).taskDefinition).toMatchObject({ revision: 3, status: 'INACTIVE' });
    expect(sim.describeTaskDefinition({ taskDefinition: 'web:3' }).taskDefinition!.status).toBe('INACTIVE');
    expect(sim.describeTaskDefinition({ taskDefinition: 'web' }).taskDefinition!.revision).toBe(2);
  });

  it('requires a revision and a registered one', () => {
    const sim = withDefinitions();
    expectRejected(sim, () => sim.deregisterTaskDefinition({ taskDefinition: 'web' }), 'ClientException', /revision/);
    expectRejected(sim, () => sim.deregisterTaskDefinition({ taskDefinition: `${ARN}/web` }), 'ClientException', /revision/);
    expectRejected(sim, () => sim.deregisterTaskDefinition({ taskDefinition: 'web:7' }), 'ClientException', /not found/);
  });

  it('refuses INACTIVE revisions for new tasks and services, but lets services using one go on scaling', () => {
    const sim = withDefinitions();
    register(sim, 1);
    sim.createService({ cluster: 'c', serviceName: 's', taskDefinition: 'web:2', desiredCount: 1 });
    sim.advance(10_000);
    sim.deregisterTaskDefinition({ taskDefinition: 'web:2' });
    expectRejected(sim, () => sim.runTask({ cluster: 'c', taskDefinition: 'web:2' }), 'InvalidParameterException', /TaskDefinition is inactive/);
    expectRejected(sim, () => sim.startTask({ cluster: 'c', taskDefinition: 'web:2', containerInstances: [sim.query('', { cluster: 'c' })[0]!] }), 'InvalidParameterException', /inactive/);
    expectRejected(sim, () => sim.createService({ cluster: 'c', serviceName: 't', taskDefinition: 'web:2' }), 'InvalidParameterException', /inactive/);
    expectRejected(sim, () => sim.updateService({ cluster: 'c', service: 's', taskDefinition: 'web:2' }), 'InvalidParameterException', /inactive/);
    sim.updateService({ cluster: 'c', service: 's', desiredCount: 2 });
    sim.advance(10_000);
    expect(sim.describeServices({ cluster: 'c', services: ['s'] }).services![0]!.runningCount).toBe(2);
  });

  it('leaves a fork alone', () => {
    const sim = withDefinitions();
    const fork = sim.fork();
    fork.deregisterTaskDefinition({ taskDefinition: 'web:1' });
    expect(sim.describeTaskDefinition({ taskDefinition: 'web:1' }).taskDefinition!.status).toBe('ACTIVE');
  });

  it('survives a snapshot round trip', () => {
    const sim = withDefinitions();
    sim.deregisterTaskDefinition({ taskDefinition: 'api:1' });
    const restored = EcsSimulator.restore(sim.snapshot());
    expect(restored.describeTaskDefinition({ taskDefinition: 'api:1' }).taskDefinition!.status).toBe('INACTIVE');
    expect(restored.listTaskDefinitions({ status: 'INACTIVE' }).taskDefinitionArns).toEqual([`${ARN}/api:1`]);
  });
});

describe('ListTaskDefinitions', () => {
  it('lists ACTIVE revisions by family name, then revision; DESC reverses both', () => {
    const sim = withDefinitions();
    const asc = ['api:1', 'api:2', 'batch:1', 'web:1', 'web:2', 'web:3'].map((r) => `${ARN}/${r}`);
    expect(sim.listTaskDefinitions().taskDefinitionArns).toEqual(asc);
    expect(sim.listTaskDefinitions({ sort: 'DESC' }).taskDefinitionArns).toEqual([...asc].reverse());
  });

  it('filters by the full family name (not a prefix) and by status', () => {
    const sim = withDefinitions();
    sim.registerTaskDefinition({ family: 'webhooks', containerDefinitions: [{ name: 'app', image: 'i', memory: 64 }] });
    sim.deregisterTaskDefinition({ taskDefinition: 'web:2' });
    expect(sim.listTaskDefinitions({ familyPrefix: 'web' }).taskDefinitionArns).toEqual([`${ARN}/web:1`, `${ARN}/web:3`]);
    expect(sim.listTaskDefinitions({ familyPrefix: 'web', status: 'INACTIVE' }).taskDefinitionArns).toEqual([`${ARN}/web:2`]);
  });

  it('pages one by one in either order, and registrations between pages neither skip nor repeat', () => {
    const sim = withDefinitions();
    expect(listAll(sim)).toEqual(sim.listTaskDefinitions().taskDefinitionArns);
    expect(listAll(sim, { sort: 'DESC' })).toEqual(sim.listTaskDefinitions({ sort: 'DESC' }).taskDefinitionArns);
    const first = sim.listTaskDefinitions({ maxResults: 3 });
    expect(first.taskDefinitionArns).toEqual([`${ARN}/api:1`, `${ARN}/api:2`, `${ARN}/batch:1`]);
    // A family sorting before the cursor and one after it.
    sim.registerTaskDefinition({ family: 'aaa', containerDefinitions: [{ name: 'app', image: 'i', memory: 64 }] });
    sim.registerTaskDefinition({ family: 'cron', containerDefinitions: [{ name: 'app', image: 'i', memory: 64 }] });
    const rest = sim.listTaskDefinitions({ nextToken: first.nextToken });
    expect(rest.taskDefinitionArns).toEqual([`${ARN}/cron:1`, `${ARN}/web:1`, `${ARN}/web:2`, `${ARN}/web:3`]);
  });

  it('refuses bad parameters and a token of another query', () => {
    const sim = withDefinitions();
    const page = sim.listTaskDefinitions({ maxResults: 1 });
    expectRejected(sim, () => sim.listTaskDefinitions({ sort: 'UP' as never }), 'InvalidParameterException', /sort/);
    expectRejected(sim, () => sim.listTaskDefinitions({ status: 'DELETE_IN_PROGRESS' }), 'InvalidParameterException', /status/);
    expectRejected(sim, () => sim.listTaskDefinitions({ maxResults: 101 }), 'InvalidParameterException', /maxResults/);
    expectRejected(sim, () => sim.listTaskDefinitions({ sort: 'DESC', nextToken: page.nextToken }), 'InvalidParameterException', /nextToken/);
  });
});

describe('ListTaskDefinitionFamilies', () => {
  it('lists families by name: ACTIVE ones by default, INACTIVE (no ACTIVE revision left) or ALL on request, by prefix', () => {
    const sim = withDefinitions();
    sim.deregisterTaskDefinition({ taskDefinition: 'batch:1' });
    expect(sim.listTaskDefinitionFamilies().families).toEqual(['api', 'web']);
    expect(sim.listTaskDefinitionFamilies({ status: 'INACTIVE' }).families).toEqual(['batch']);
    expect(sim.listTaskDefinitionFamilies({ status: 'ALL' }).families).toEqual(['api', 'batch', 'web']);
    expect(sim.listTaskDefinitionFamilies({ familyPrefix: 'w', status: 'ALL' }).families).toEqual(['web']);
    // A new revision brings a family back to the ACTIVE list.
    sim.registerTaskDefinition({ family: 'batch', containerDefinitions: [{ name: 'app', image: 'i', memory: 64 }] });
    expect(sim.listTaskDefinitionFamilies().families).toEqual(['api', 'batch', 'web']);
  });

  it('pages', () => {
    const sim = withDefinitions();
    const first = sim.listTaskDefinitionFamilies({ maxResults: 2 });
    expect(first.families).toEqual(['api', 'batch']);
    expect(sim.listTaskDefinitionFamilies({ maxResults: 2, nextToken: first.nextToken })).toEqual({ families: ['web'] });
  });
});
