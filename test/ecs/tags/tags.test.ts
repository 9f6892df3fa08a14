// Tags on every taggable resource: TagResource / UntagResource / ListTagsForResource, the limits,
// the errors for bad ARNs, include TAGS, propagateTags and the ECS managed tags.
import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { expectRejected, register, simWithCluster } from '../fixtures.js';

function world() {
  const sim = simWithCluster();
  const instance = register(sim, 1);
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 128, memory: 128 }], tags: [{ key: 'team', value: 'web' }] });
  const task = sim.runTask({ cluster: 'c', taskDefinition: 'web' }).tasks![0]!.taskArn!;
  const service = sim.createService({ cluster: 'c', serviceName: 'api', taskDefinition: 'web', desiredCount: 0 }).service!.serviceArn!;
  const arns = {
    cluster: sim.describeClusters({ clusters: ['c'] }).clusters![0]!.clusterArn!,
    instance,
    taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
    task,
    service,
  };
  return { sim, arns };
}

const list = (sim: EcsSimulator, resourceArn: string) => sim.listTagsForResource({ resourceArn }).tags;

describe('TagResource, UntagResource, ListTagsForResource', () => {
  for (const kind of ['cluster', 'instance', 'taskDefinition', 'task', 'service'] as const) {
    it(`tag, retag and untag a ${kind}`, () => {
      const { sim, arns } = world();
      const arn = arns[kind];
      const before = list(sim, arn);
      sim.tagResource({ resourceArn: arn, tags: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] });
      sim.tagResource({ resourceArn: arn, tags: [{ key: 'a', value: '3' }] });
      expect(list(sim, arn)).toEqual([...before!, { key: 'a', value: '3' }, { key: 'b', value: '2' }]);
      sim.untagResource({ resourceArn: arn, tagKeys: ['a', 'not-there'] });
      expect(list(sim, arn)).toEqual([...before!, { key: 'b', value: '2' }]);
    });
  }

  it('shows the tags in the Describe operations that take include: TAGS', () => {
    const { sim, arns } = world();
    for (const arn of Object.values(arns)) sim.tagResource({ resourceArn: arn, tags: [{ key: 'k', value: 'v' }] });
    expect(sim.describeClusters({ clusters: ['c'], include: ['TAGS'] }).clusters![0]!.tags).toEqual([{ key: 'k', value: 'v' }]);
    expect(sim.describeClusters({ clusters: ['c'] }).clusters![0]!.tags).toBeUndefined();
    expect(sim.describeContainerInstances({ cluster: 'c', containerInstances: [arns.instance], include: ['TAGS'] }).containerInstances![0]!.tags).toEqual([{ key: 'k', value: 'v' }]);
    expect(sim.describeTaskDefinition({ taskDefinition: 'web:1', include: ['TAGS'] }).tags).toEqual([{ key: 'team', value: 'web' }, { key: 'k', value: 'v' }]);
    expect(sim.describeTasks({ cluster: 'c', tasks: [arns.task], include: ['TAGS'] }).tasks![0]!.tags).toEqual([{ key: 'k', value: 'v' }]);
    expect(sim.describeServices({ cluster: 'c', services: ['api'], include: ['TAGS'] }).services![0]!.tags).toEqual([{ key: 'k', value: 'v' }]);
  });

  it('takes tags at CreateCluster', () => {
    const sim = new EcsSimulator();
    expect(sim.createCluster({ clusterName: 'x', tags: [{ key: 'env', value: 'prod' }] }).cluster!.tags).toEqual([{ key: 'env', value: 'prod' }]);
    expect(list(sim, 'arn:aws:ecs:us-east-1:123456789012:cluster/x')).toEqual([{ key: 'env', value: 'prod' }]);
  });

  it('allows 50 user tags and refuses the 51st, counting the tags already there', () => {
    const { sim, arns } = world();
    const tags = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${from + i}`, value: 'v' }));
    sim.tagResource({ resourceArn: arns.cluster, tags: tags(0, 30) });
    sim.tagResource({ resourceArn: arns.cluster, tags: tags(20, 30) }); // 20 overlap: 50 in all
    expect(list(sim, arns.cluster)).toHaveLength(50);
    expectRejected(sim, () => sim.tagResource({ resourceArn: arns.cluster, tags: tags(50, 1) }), 'InvalidParameterException', /at most 50 tags per resource; got 51/);
  });

  it('refuses keys and values beyond their limits, and the aws: prefix in any case', () => {
    const { sim, arns } = world();
    const arn = arns.service;
    expectRejected(sim, () => sim.tagResource({ resourceArn: arn, tags: [{ key: 'k'.repeat(129), value: '' }] }), 'InvalidParameterException');
    expectRejected(sim, () => sim.tagResource({ resourceArn: arn, tags: [{ key: 'k', value: 'v'.repeat(257) }] }), 'InvalidParameterException');
    expectRejected(sim, () => sim.tagResource({ resourceArn: arn, tags: [{ key: 'AwS:thing', value: 'x' }] }), 'InvalidParameterException', /aws: prefix is reserved/);
    expectRejected(sim, () => sim.untagResource({ resourceArn: arn, tagKeys: ['aws:ecs:clusterName'] }), 'InvalidParameterException', /aws: prefix is reserved/);
    sim.tagResource({ resourceArn: arn, tags: [{ key: 'k'.repeat(128), value: 'v'.repeat(256) }] });
    expect(list(sim, arn)).toHaveLength(1);
  });

  it('answers bad and unknown ARNs as decided, changing nothing', () => {
    const { sim, arns } = world();
    const tags = [{ key: 'a', value: 'b' }];
    expectRejected(sim, () => sim.tagResource({ resourceArn: 'not-an-arn', tags }), 'InvalidParameterException', /not an Amazon ECS resource ARN/);
    expectRejected(sim, () => sim.tagResource({ resourceArn: 'arn:aws:ecr:us-east-1:123456789012:repository/x', tags }), 'InvalidParameterException');
    expectRejected(sim, () => sim.tagResource({ resourceArn: arns.cluster.replace('us-east-1', 'us-west-2'), tags }), 'InvalidParameterException', /not a resource of account 123456789012 in us-east-1/);
    expectRejected(sim, () => sim.tagResource({ resourceArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/nope', tags }), 'ClusterNotFoundException');
    expectRejected(sim, () => sim.tagResource({ resourceArn: 'arn:aws:ecs:us-east-1:123456789012:task/c/0123456789abcdef0123456789abcdef', tags }), 'ResourceNotFoundException', /could not be found/);
    expectRejected(sim, () => sim.untagResource({ resourceArn: 'arn:aws:ecs:us-east-1:123456789012:service/c/nope', tagKeys: ['a'] }), 'ResourceNotFoundException');
    expectRejected(sim, () => sim.listTagsForResource({ resourceArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:9' }), 'ClientException', /could not be found/);
    expectRejected(sim, () => sim.tagResource({ resourceArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web', tags }), 'InvalidParameterException', /not a valid task-definition ARN/);
    expectRejected(sim, () => sim.tagResource({ resourceArn: 'arn:aws:ecs:us-east-1:123456789012:capacity-provider/x', tags }), 'InvalidParameterException', /cannot be tagged/);
    expectRejected(sim, () => sim.tagResource({ resourceArn: arns.cluster, tags: 'x' as never }), 'SerializationException');
    expectRejected(sim, () => sim.tagResource({ resourceArn: arns.cluster } as never), 'InvalidParameterException', /tags/);
  });

  it('asks for the long ARN format of container instances, tasks and services (ECS\'s message)', () => {
    const sim = simWithCluster({ longArnFormatDefault: 'disabled' });
    const instance = register(sim, 1);
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128 }] });
    const task = sim.runTask({ cluster: 'c', taskDefinition: 'web' }).tasks![0]!.taskArn!;
    const service = sim.createService({ cluster: 'c', serviceName: 'api', taskDefinition: 'web', desiredCount: 0 }).service!.serviceArn!;
    for (const arn of [instance, task, service]) {
      expect(arn).not.toContain(':container-instance/c/');
      expectRejected(sim, () => sim.tagResource({ resourceArn: arn, tags: [{ key: 'a', value: 'b' }] }), 'InvalidParameterException', /^Long arn format must be used for tagging operations$/);
    }
  });

  it('keeps a fork\'s tags to the fork', () => {
    const { sim, arns } = world();
    const fork = sim.fork();
    for (const arn of Object.values(arns)) fork.tagResource({ resourceArn: arn, tags: [{ key: 'fork', value: 'yes' }] });
    for (const arn of Object.values(arns)) {
      expect(list(sim, arn)!.some((t) => t.key === 'fork'), arn).toBe(false);
      expect(list(fork, arn)!.some((t) => t.key === 'fork'), arn).toBe(true);
    }
  });

  it('survives a snapshot round trip', () => {
    const { sim, arns } = world();
    for (const arn of Object.values(arns)) sim.tagResource({ resourceArn: arn, tags: [{ key: 's', value: 'x' }] });
    const copy = EcsSimulator.restore(sim.snapshot());
    for (const arn of Object.values(arns)) expect(list(copy, arn)).toEqual(list(sim, arn));
  });
});

describe('propagateTags and enableECSManagedTags', () => {
  it('RunTask: TASK_DEFINITION copies the definition\'s tags, the request\'s win, managed tags name the cluster', () => {
    const { sim } = world();
    const task = sim.runTask({ cluster: 'c', taskDefinition: 'web', propagateTags: 'TASK_DEFINITION', enableECSManagedTags: true, tags: [{ key: 'team', value: 'mine' }, { key: 'x', value: 'y' }] }).tasks![0]!;
    expect(list(sim, task.taskArn!)).toEqual([{ key: 'team', value: 'mine' }, { key: 'x', value: 'y' }, { key: 'aws:ecs:clusterName', value: 'c' }]);
    const plain = sim.runTask({ cluster: 'c', taskDefinition: 'web' }).tasks![0]!;
    expect(list(sim, plain.taskArn!)).toEqual([]);
    expectRejected(sim, () => sim.runTask({ cluster: 'c', taskDefinition: 'web', propagateTags: 'SERVICE' }), 'InvalidParameterException', /SERVICE applies to the tasks of a service/);
  });

  it('services: SERVICE or TASK_DEFINITION onto every task the scheduler starts, with the managed cluster and service names', () => {
    const { sim } = world();
    sim.createService({ cluster: 'c', serviceName: 's1', taskDefinition: 'web', desiredCount: 1, tags: [{ key: 'svc', value: '1' }], propagateTags: 'SERVICE', enableECSManagedTags: true });
    sim.createService({ cluster: 'c', serviceName: 's2', taskDefinition: 'web', desiredCount: 1, propagateTags: 'TASK_DEFINITION' });
    sim.createService({ cluster: 'c', serviceName: 's3', taskDefinition: 'web', desiredCount: 1 });
    sim.advance(2_000);
    const tagsOf = (service: string) => list(sim, sim.listTasks({ cluster: 'c', serviceName: service }).taskArns![0]!);
    expect(tagsOf('s1')).toEqual([{ key: 'svc', value: '1' }, { key: 'aws:ecs:clusterName', value: 'c' }, { key: 'aws:ecs:serviceName', value: 's1' }]);
    expect(tagsOf('s2')).toEqual([{ key: 'team', value: 'web' }]);
    expect(tagsOf('s3')).toEqual([]);
    expect(sim.describeServices({ cluster: 'c', services: ['s1'] }).services![0]).toMatchObject({ propagateTags: 'SERVICE', enableECSManagedTags: true });
  });
});
