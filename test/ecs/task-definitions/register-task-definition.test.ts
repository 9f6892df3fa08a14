import type { RegisterTaskDefinitionResponse as SdkRegisterTaskDefinitionResponse } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { invokeOperation } from '../../../src/ecs/operation.js';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import type { SimState } from '../../../src/ecs/state/state.js';
import { registerTaskDefinition as operation } from '../../../src/ecs/task-definitions/register-task-definition.js';
import type { TaskDefinition } from '../../../src/ecs/task-definitions/registry.js';
import type { RegisterTaskDefinitionRequest, Tag } from '../../../src/shapes.js';
import { EcsError } from '../../../src/errors.js';
import { Journal } from '../../../src/collections/journal.js';

type Request = Record<string, unknown>;

/** The CLI's `sleep360` example request (awscli/examples/ecs/register-task-definition.rst). */
function sleep360(): Request {
  return { family: 'sleep360', containerDefinitions: [{ name: 'sleep', image: 'busybox', cpu: 10, command: ['sleep', '360'], memory: 10, essential: true }] };
}

function container(over: Request = {}): Request {
  return { name: 'app', image: 'nginx', memory: 128, ...over };
}

/** RegisterTaskDefinition on a state, for any request, answered with the members it always fills in. */
function registerTaskDefinition(state: SimState, request: unknown): { taskDefinition: TaskDefinition; tags: Tag[] } {
  return invokeOperation(state, operation, request as RegisterTaskDefinitionRequest) as { taskDefinition: TaskDefinition; tags: Tag[] };
}

describe('RegisterTaskDefinition', () => {
  it('answers the CLI example as ECS does: defaults filled in, revision 1, EC2 compatible', () => {
    const sim = new EcsSimulator({ region: 'us-west-2' });
    const response = registerTaskDefinition(sim.state, sleep360());
    expect(response).toEqual({
      taskDefinition: {
        taskDefinitionArn: 'arn:aws:ecs:us-west-2:123456789012:task-definition/sleep360:1',
        containerDefinitions: [
          { name: 'sleep', image: 'busybox', cpu: 10, memory: 10, portMappings: [], essential: true, command: ['sleep', '360'], environment: [], mountPoints: [], volumesFrom: [] },
        ],
        family: 'sleep360',
        networkMode: 'bridge',
        revision: 1,
        volumes: [],
        status: 'ACTIVE',
        placementConstraints: [],
        compatibilities: ['EC2'],
      },
      tags: [],
    });
    // Shaped like the SDK's response (checked by tsc).
    const sdk: SdkRegisterTaskDefinitionResponse = response;
    expect(sdk.taskDefinition?.revision).toBe(1);
  });

  it('numbers revisions per family and builds ARNs from the simulator region and account', () => {
    const sim = new EcsSimulator({ accountId: '111122223333' });
    const arns = [sleep360(), sleep360(), { ...sleep360(), family: 'other' }, sleep360()].map((r) => registerTaskDefinition(sim.state, r).taskDefinition.taskDefinitionArn);
    expect(arns).toEqual([
      'arn:aws:ecs:us-east-1:111122223333:task-definition/sleep360:1',
      'arn:aws:ecs:us-east-1:111122223333:task-definition/sleep360:2',
      'arn:aws:ecs:us-east-1:111122223333:task-definition/other:1',
      'arn:aws:ecs:us-east-1:111122223333:task-definition/sleep360:3',
    ]);
    expect(sim.state.taskDefinitions.size).toBe(4);
    expect(sim.state.taskDefinitions.familyNames()).toEqual(['sleep360', 'other']);
    expect(sim.state.taskDefinitions.revisions('sleep360').map((t) => t.revision)).toEqual([1, 2, 3]);
  });

  it('fills in container defaults: cpu 0, essential true, empty lists, bridge hostPort 0 and protocol tcp', () => {
    const sim = new EcsSimulator();
    const { taskDefinition } = registerTaskDefinition(sim.state, {
      family: 'web',
      containerDefinitions: [container({ portMappings: [{ containerPort: 80 }, { containerPort: 53, hostPort: 5353, protocol: 'udp' }] }), container({ name: 'side', essential: false })],
    });
    const [app, side] = taskDefinition.containerDefinitions!;
    expect(app).toEqual({
      name: 'app', image: 'nginx', cpu: 0, memory: 128, essential: true, environment: [], mountPoints: [], volumesFrom: [],
      portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }, { containerPort: 53, hostPort: 5353, protocol: 'udp' }],
    });
    expect(side!.essential).toBe(false);
  });

  it('host and awsvpc: hostPort filled in with containerPort (empty, 0 or equal given)', () => {
    const sim = new EcsSimulator();
    for (const networkMode of ['host', 'awsvpc']) {
      const { taskDefinition } = registerTaskDefinition(sim.state, {
        family: `f-${networkMode}`,
        networkMode,
        containerDefinitions: [container({ portMappings: [{ containerPort: 80 }, { containerPort: 81, hostPort: 0 }, { containerPort: 82, hostPort: 82 }] })],
      });
      expect(taskDefinition.networkMode).toBe(networkMode);
      expect(taskDefinition.containerDefinitions![0]!.portMappings).toEqual([
        { containerPort: 80, hostPort: 80, protocol: 'tcp' },
        { containerPort: 81, hostPort: 81, protocol: 'tcp' },
        { containerPort: 82, hostPort: 82, protocol: 'tcp' },
      ]);
    }
  });

  it('awsvpc requires ecs.capability.task-eni; a Fargate-sized awsvpc definition is also FARGATE compatible', () => {
    const sim = new EcsSimulator();
    const ec2 = registerTaskDefinition(sim.state, { family: 'a', networkMode: 'awsvpc', containerDefinitions: [container()] }).taskDefinition;
    expect(ec2.requiresAttributes).toEqual([{ name: 'ecs.capability.task-eni' }]);
    expect(ec2.compatibilities).toEqual(['EC2']);
    const both = registerTaskDefinition(sim.state, { family: 'b', networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [container()] }).taskDefinition;
    expect(both.compatibilities).toEqual(['EC2', 'FARGATE']);
    expect(both.requiresCompatibilities).toBeUndefined();
    const fargate = registerTaskDefinition(sim.state, { family: 'c', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '0.5 vCPU', memory: '1 GB', containerDefinitions: [{ name: 'x', image: 'y' }] }).taskDefinition;
    expect([fargate.cpu, fargate.memory, fargate.requiresCompatibilities, fargate.compatibilities]).toEqual(['512', '1024', ['FARGATE'], ['EC2', 'FARGATE']]);
    const bridge = registerTaskDefinition(sim.state, { family: 'd', containerDefinitions: [container()] }).taskDefinition;
    expect(bridge.requiresAttributes).toBeUndefined();
  });

  it('stores task-level cpu and memory as integers (units, MiB)', () => {
    const sim = new EcsSimulator();
    const td = registerTaskDefinition(sim.state, { family: 'x', cpu: '1 vCPU', memory: '2 GB', containerDefinitions: [{ name: 'a', image: 'b' }] }).taskDefinition;
    expect([td.cpu, td.memory]).toEqual(['1024', '2048']);
    expect(sim.state.taskDefinitions.requirementsOf('x')).toMatchObject({ cpu: 1024, memory: 2048 });
  });

  it('echoes the 2019 members it does not model, and drops members of later API generations', () => {
    const sim = new EcsSimulator();
    const { taskDefinition } = registerTaskDefinition(sim.state, {
      family: 'full',
      taskRoleArn: 'arn:aws:iam::123456789012:role/task',
      executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
      volumes: [{ name: 'data', host: { sourcePath: '/ecs/data' } }],
      pidMode: 'task',
      ipcMode: 'none',
      proxyConfiguration: { type: 'APPMESH', containerName: 'envoy', properties: [{ name: 'AppPorts', value: '80' }] },
      ephemeralStorage: { sizeInGiB: 30 },
      runtimePlatform: { operatingSystemFamily: 'LINUX' },
      containerDefinitions: [
        container({
          name: 'envoy',
          command: ['run'],
          entryPoint: ['sh', '-c'],
          environment: [{ name: 'A', value: '1' }],
          mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }],
          logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': 'g' } },
          dockerLabels: { team: 'x' },
          healthCheck: { command: ['CMD', 'true'] },
          ulimits: [{ name: 'nofile', softLimit: 1024, hardLimit: 4096 }],
          dependsOn: [],
          startTimeout: 30,
          privileged: false,
          firelensConfiguration: { type: 'fluentbit' },
          environmentFiles: [],
        }),
      ],
    });
    expect(taskDefinition).toMatchObject({
      taskRoleArn: 'arn:aws:iam::123456789012:role/task',
      executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
      volumes: [{ name: 'data', host: { sourcePath: '/ecs/data' } }],
      pidMode: 'task',
      ipcMode: 'none',
      proxyConfiguration: { type: 'APPMESH', containerName: 'envoy', properties: [{ name: 'AppPorts', value: '80' }] },
    });
    expect(taskDefinition).not.toHaveProperty('ephemeralStorage');
    expect(taskDefinition).not.toHaveProperty('runtimePlatform');
    const c = taskDefinition.containerDefinitions![0]!;
    expect(c).toMatchObject({
      command: ['run'], entryPoint: ['sh', '-c'], environment: [{ name: 'A', value: '1' }], dockerLabels: { team: 'x' },
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': 'g' } }, startTimeout: 30, privileged: false,
      ulimits: [{ name: 'nofile', softLimit: 1024, hardLimit: 4096 }], healthCheck: { command: ['CMD', 'true'] },
    });
    expect(c).not.toHaveProperty('firelensConfiguration');
    expect(c).not.toHaveProperty('environmentFiles');
  });

  it('keeps memberOf constraints and GPU requirements', () => {
    const sim = new EcsSimulator();
    const { taskDefinition } = registerTaskDefinition(sim.state, {
      family: 'gpu',
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ p3.*' }],
      containerDefinitions: [container({ resourceRequirements: [{ type: 'GPU', value: '2' }] }), container({ name: 'b', resourceRequirements: [{ type: 'GPU', value: '1' }] })],
    });
    expect(taskDefinition.placementConstraints).toEqual([{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ p3.*' }]);
    expect(taskDefinition.containerDefinitions![0]!.resourceRequirements).toEqual([{ type: 'GPU', value: '2' }]);
    expect(taskDefinition.compatibilities).toEqual(['EC2']);
    expect(sim.state.taskDefinitions.requirementsOf('gpu:1').gpus).toBe(3);
  });

  it('returns and keeps tags', () => {
    const sim = new EcsSimulator();
    const { tags } = registerTaskDefinition(sim.state, { ...sleep360(), tags: [{ key: 'team', value: 'core' }, { key: 'empty' }] });
    expect(tags).toEqual([{ key: 'team', value: 'core' }, { key: 'empty', value: '' }]);
    expect(sim.state.taskDefinitions.tagsOf('sleep360:1')).toEqual(tags);
  });

  it('hands out copies: changing the response or the request changes nothing registered', () => {
    const sim = new EcsSimulator();
    const request = sleep360();
    const { taskDefinition } = registerTaskDefinition(sim.state, request);
    taskDefinition.containerDefinitions![0]!.memory = 9999;
    ((request['containerDefinitions'] as Request[])[0]!['command'] as string[]).push('x');
    expect(sim.state.taskDefinitions.get('sleep360')!.containerDefinitions![0]).toMatchObject({ memory: 10, command: ['sleep', '360'] });
    expect(Object.isFrozen(sim.state.taskDefinitions.get('sleep360'))).toBe(true);
  });
});

describe('the task definition registry', () => {
  const setup = () => {
    const sim = new EcsSimulator();
    for (let i = 0; i < 3; i++) registerTaskDefinition(sim.state, { family: 'web', containerDefinitions: [container({ memory: 100 + i })] });
    return sim.state.taskDefinitions;
  };

  it('finds a revision by family (latest), family:revision, or ARN (with or without revision)', () => {
    const registry = setup();
    expect(registry.get('web')!.revision).toBe(3);
    expect(registry.get('web:2')!.revision).toBe(2);
    expect(registry.get('arn:aws:ecs:us-east-1:123456789012:task-definition/web:1')!.revision).toBe(1);
    expect(registry.get('arn:aws:ecs:us-east-1:123456789012:task-definition/web')!.revision).toBe(3);
    expect(registry.requirementsOf('web:2').memory).toBe(101);
  });

  it('finds nothing for unknown families, revisions, other accounts or Regions, and malformed references', () => {
    const registry = setup();
    for (const ref of ['nope', 'web:4', 'web:0', 'web:x', 'arn:aws:ecs:us-east-1:999999999999:task-definition/web:1', 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web',
      'arn:aws:ecs:us-east-1:123456789012:task-definition/nope', 'web 1', '']) {
      expect(registry.get(ref), ref).toBeUndefined();
    }
    expect(() => registry.resolve('web:9')).toThrow(expect.objectContaining({ name: 'ClientException', message: 'TaskDefinition not found.', member: 'taskDefinition' }));
    expect(() => registry.requirementsOf('web:9')).toThrow(/TaskDefinition not found/);
  });

  it('clones independently and survives a snapshot round trip, revision counter included', () => {
    const sim = new EcsSimulator();
    registerTaskDefinition(sim.state, { ...sleep360(), tags: [{ key: 'a', value: 'b' }] });
    registerTaskDefinition(sim.state, { family: 'net', networkMode: 'awsvpc', containerDefinitions: [container()] });
    const clone = sim.state.taskDefinitions.clone();
    registerTaskDefinition(sim.state, sleep360());
    expect(clone.size).toBe(2);
    expect(clone.nextRevision('sleep360')).toBe(2);

    const snap = sim.snapshot();
    const restored = EcsSimulator.restore(JSON.parse(JSON.stringify(snap)));
    expect(restored.snapshot()).toEqual(snap);
    expect(restored.state.taskDefinitions.get('sleep360:1')).toEqual(sim.state.taskDefinitions.get('sleep360:1'));
    expect(restored.state.taskDefinitions.tagsOf('sleep360:1')).toEqual([{ key: 'a', value: 'b' }]);
    expect(registerTaskDefinition(restored.state, sleep360()).taskDefinition.revision).toBe(3);
    // Snapshots taken before task definitions existed still load.
    const { taskDefinitions: _, ...old } = snap;
    expect(EcsSimulator.restore(old as typeof snap).state.taskDefinitions.size).toBe(0);
  });

  it('shares its maps with a clone until either side changes them, a transaction\'s undo included', () => {
    const sim = new EcsSimulator();
    registerTaskDefinition(sim.state, sleep360());
    const registry = sim.state.taskDefinitions;
    const first = registry.get('sleep360:1')!;
    const revision = (n: number): TaskDefinition => ({ ...first, revision: n, taskDefinitionArn: first.taskDefinitionArn!.replace(/:1$/, `:${n}`) });
    const journal = new Journal();
    registry.useJournal(journal);
    journal.begin();
    registry.add(revision(2));
    // Cloned inside the transaction, then the transaction is undone: the clone keeps revision 2.
    const clone = registry.clone();
    journal.rollback();
    registry.useJournal(null);
    expect([registry.size, registry.nextRevision('sleep360')]).toEqual([1, 2]);
    expect([clone.size, clone.get('sleep360')?.revision]).toEqual([2, 2]);
    // Each side's changes stay its own, both ways.
    clone.deregister('sleep360:1');
    registry.add(revision(2));
    registry.add(revision(3));
    expect(registry.get('sleep360:1')!.status).toBe('ACTIVE');
    expect(clone.get('sleep360:1')!.status).toBe('INACTIVE');
    expect([registry.size, clone.size, clone.get('sleep360:3')]).toEqual([3, 2, undefined]);
    const again = clone.clone();
    clone.setTags(clone.get('sleep360:2')!.taskDefinitionArn!, [{ key: 'k', value: 'v' }]);
    expect([again.tagsOf('sleep360:2'), clone.tagsOf('sleep360:2')]).toEqual([[], [{ key: 'k', value: 'v' }]]);
  });
});

// Every rejected request: the ECS error type, a message that starts with the member, nothing registered.
const ERRORS: [title: string, request: Request, name: 'ClientException' | 'InvalidParameterException' | 'SerializationException', message: RegExp][] = [
  ['a request that is not an object', [] as unknown as Request, 'SerializationException', /the RegisterTaskDefinition request must be an object/],
  // family
  ['family missing', { containerDefinitions: [container()] }, 'InvalidParameterException', /^family is required/],
  ['family empty', { family: '', containerDefinitions: [container()] }, 'InvalidParameterException', /^family is required/],
  ['family not a string', { family: 7, containerDefinitions: [container()] }, 'SerializationException', /^family must be a string/],
  ['family with invalid characters', { family: 'my app', containerDefinitions: [container()] }, 'ClientException', /^Family contains invalid characters\.$/],
  ['family of 256 characters', { family: 'f'.repeat(256), containerDefinitions: [container()] }, 'ClientException', /^Family is 256 characters long; the limit is 255\./],
  // containerDefinitions
  ['containerDefinitions missing', { family: 'f' }, 'InvalidParameterException', /^containerDefinitions is required/],
  ['containerDefinitions empty', { family: 'f', containerDefinitions: [] }, 'InvalidParameterException', /^containerDefinitions must hold at least 1/],
  ['containerDefinitions not a list', { family: 'f', containerDefinitions: {} }, 'SerializationException', /^containerDefinitions must be a list/],
  ['a container that is not an object', { family: 'f', containerDefinitions: ['x'] }, 'SerializationException', /^containerDefinitions\[0\] must be an object/],
  ['11 containers', { family: 'f', containerDefinitions: Array.from({ length: 11 }, (_, i) => container({ name: `c${i}` })) }, 'ClientException', /^Too many containers\.$/],
  ['container name missing', { family: 'f', containerDefinitions: [{ image: 'x', memory: 1 }] }, 'ClientException', /^Container\.name should not be null or empty\./],
  ['container name with a space', { family: 'f', containerDefinitions: [container({ name: 'my app' })] }, 'ClientException', /^Container\.name contains invalid characters\./],
  ['duplicate container names', { family: 'f', containerDefinitions: [container(), container()] }, 'ClientException', /^Container names must be unique within a Task Definition\./],
  ['image missing', { family: 'f', containerDefinitions: [{ name: 'a', memory: 1 }] }, 'ClientException', /^Container\.image should not be null or empty\./],
  ['no essential container', { family: 'f', containerDefinitions: [container({ essential: false })] }, 'ClientException', /^A task definition must have at least one essential container/],
  ['essential not a boolean', { family: 'f', containerDefinitions: [container({ essential: 'yes' })] }, 'SerializationException', /^containerDefinitions\[0\]\.essential must be a boolean/],
  // cpu / memory of containers
  ['container cpu not an integer', { family: 'f', containerDefinitions: [container({ cpu: '256' })] }, 'SerializationException', /^containerDefinitions\[0\]\.cpu must be a 32-bit integer/],
  ['container cpu negative', { family: 'f', containerDefinitions: [container({ cpu: -1 })] }, 'ClientException', /^Invalid 'cpu' setting for container 'app'\./],
  ['container memory fractional', { family: 'f', containerDefinitions: [container({ memory: 1.5 })] }, 'SerializationException', /^containerDefinitions\[0\]\.memory must be a 32-bit integer/],
  ['container memory 0', { family: 'f', containerDefinitions: [container({ memory: 0 })] }, 'ClientException', /^Invalid 'memory' setting for container 'app'\./],
  ['memoryReservation 0', { family: 'f', containerDefinitions: [container({ memoryReservation: 0 })] }, 'ClientException', /^Invalid 'memoryReservation' setting/],
  ['memory equal to memoryReservation', { family: 'f', containerDefinitions: [container({ memory: 256, memoryReservation: 256 })] }, 'ClientException', /^Invalid setting for container 'app'\. 'memory' must be greater than 'memoryReservation'\.$/],
  ['memory below memoryReservation', { family: 'f', containerDefinitions: [container({ memory: 128, memoryReservation: 256 })] }, 'ClientException', /^Invalid setting for container 'app'\. 'memory' must be greater than 'memoryReservation'\.$/],
  ['neither memory nor memoryReservation (EC2, no task memory)', { family: 'f', containerDefinitions: [container(), { name: 'b', image: 'x' }] }, 'ClientException', /^Invalid setting for container 'b'\. At least one of 'memory' or 'memoryReservation' must be specified\./],
  // port mappings
  ['containerPort missing', { family: 'f', containerDefinitions: [container({ portMappings: [{ hostPort: 80 }] })] }, 'ClientException', /^Invalid 'containerPort' setting for container 'app'\./],
  ['containerPort 0', { family: 'f', containerDefinitions: [container({ portMappings: [{ containerPort: 0 }] })] }, 'ClientException', /Invalid 'containerPort'/],
  ['containerPort 65536', { family: 'f', containerDefinitions: [container({ portMappings: [{ containerPort: 65536 }] })] }, 'ClientException', /Invalid 'containerPort'/],
  ['containerPort not an integer', { family: 'f', containerDefinitions: [container({ portMappings: [{ containerPort: '80' }] })] }, 'SerializationException', /^containerDefinitions\[0\]\.portMappings\[0\]\.containerPort must be a 32-bit integer/],
  ['hostPort 65536', { family: 'f', containerDefinitions: [container({ portMappings: [{ containerPort: 80, hostPort: 65536 }] })] }, 'ClientException', /Invalid 'hostPort' setting for container 'app'\./],
  ['hostPort negative', { family: 'f', containerDefinitions: [container({ portMappings: [{ containerPort: 80, hostPort: -1 }] })] }, 'ClientException', /Invalid 'hostPort'/],
  ['protocol UDP (case-sensitive)', { family: 'f', containerDefinitions: [container({ portMappings: [{ containerPort: 53, protocol: 'UDP' }] })] }, 'InvalidParameterException', /portMappings\[0\]\.protocol must be one of tcp, udp; got "UDP"/],
  ['portMappings not a list', { family: 'f', containerDefinitions: [container({ portMappings: { containerPort: 80 } })] }, 'SerializationException', /^containerDefinitions\[0\]\.portMappings must be a list/],
  ['awsvpc with a different hostPort', { family: 'f', networkMode: 'awsvpc', containerDefinitions: [container({ portMappings: [{ containerPort: 80, hostPort: 8080 }] })] }, 'ClientException', /^When networkMode=awsvpc, the host ports and container ports in port mappings must match\./],
  ['host with a different hostPort', { family: 'f', networkMode: 'host', containerDefinitions: [container({ portMappings: [{ containerPort: 80, hostPort: 8080 }] })] }, 'ClientException', /When networkMode=host, the host ports and container ports/],
  ['none with port mappings', { family: 'f', networkMode: 'none', containerDefinitions: [container({ portMappings: [{ containerPort: 80 }] })] }, 'ClientException', /^When networkMode=none, port mappings are not allowed\./],
  ['an unknown networkMode', { family: 'f', networkMode: 'nat', containerDefinitions: [container()] }, 'InvalidParameterException', /^networkMode must be one of bridge, host, awsvpc, none; got "nat"/],
  // GPUs
  ['a resource type of a later API', { family: 'f', containerDefinitions: [container({ resourceRequirements: [{ type: 'InferenceAccelerator', value: 'd1' }] })] }, 'InvalidParameterException', /resourceRequirements\[0\]\.type must be one of GPU/],
  ['GPU value 0', { family: 'f', containerDefinitions: [container({ resourceRequirements: [{ type: 'GPU', value: '0' }] })] }, 'ClientException', /Invalid 'GPU' setting for container 'app'/],
  ['GPU value not a number', { family: 'f', containerDefinitions: [container({ resourceRequirements: [{ type: 'GPU', value: 'two' }] })] }, 'ClientException', /Invalid 'GPU'/],
  ['GPU value fractional', { family: 'f', containerDefinitions: [container({ resourceRequirements: [{ type: 'GPU', value: '1.5' }] })] }, 'ClientException', /^Invalid 'GPU' setting for container 'app'/],
  ['GPU value missing', { family: 'f', containerDefinitions: [container({ resourceRequirements: [{ type: 'GPU' }] })] }, 'InvalidParameterException', /resourceRequirements\[0\]\.value is required/],
  ['GPU value as a number', { family: 'f', containerDefinitions: [container({ resourceRequirements: [{ type: 'GPU', value: 1 }] })] }, 'SerializationException', /resourceRequirements\[0\]\.value must be a string/],
  ['GPU twice in one container', { family: 'f', containerDefinitions: [container({ resourceRequirements: [{ type: 'GPU', value: '1' }, { type: 'GPU', value: '1' }] })] }, 'InvalidParameterException', /^containerDefinitions\[0\]\.resourceRequirements\[1\]\.type repeats GPU/],
  // task-level cpu and memory
  ['task cpu below the EC2 range', { family: 'f', cpu: '64', containerDefinitions: [container()] }, 'ClientException', /^Invalid 'cpu' setting for task\.$/],
  ['task cpu above the EC2 range', { family: 'f', cpu: '20 vCPU', containerDefinitions: [container()] }, 'ClientException', /^Invalid 'cpu' setting for task\./],
  ['task cpu text', { family: 'f', cpu: 'lots', containerDefinitions: [container()] }, 'ClientException', /^Invalid 'cpu' setting for task\./],
  ['task cpu as a number', { family: 'f', cpu: 1024, containerDefinitions: [container()] }, 'SerializationException', /^cpu must be a string/],
  ['task memory 0', { family: 'f', memory: '0', containerDefinitions: [container()] }, 'ClientException', /^Invalid 'memory' setting for task\./],
  ['task memory in TB', { family: 'f', memory: '1 TB', containerDefinitions: [container()] }, 'ClientException', /^Invalid 'memory' setting for task\./],
  ['containers above the task cpu', { family: 'f', cpu: '256', containerDefinitions: [container({ cpu: 200 }), container({ name: 'b', cpu: 100 })] }, 'ClientException', /^The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'\./],
  ['a container above the task memory', { family: 'f', memory: '512', containerDefinitions: [container({ memory: 1024 })] }, 'ClientException', /^The 'memory' setting for container 'app' is greater than for the task\./],
  ['reservations above the task memory', { family: 'f', memory: '512', containerDefinitions: [{ name: 'a', image: 'x', memoryReservation: 300 }, { name: 'b', image: 'x', memoryReservation: 300 }] }, 'ClientException', /^The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'\./],
  // requiresCompatibilities and Fargate
  ['an unknown compatibility', { family: 'f', requiresCompatibilities: ['EXTERNAL'], containerDefinitions: [container()] }, 'InvalidParameterException', /^requiresCompatibilities\[0\] must be one of EC2, FARGATE/],
  ['Fargate in bridge mode', { family: 'f', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512', containerDefinitions: [container()] }, 'ClientException', /^Fargate only supports network mode 'awsvpc'\./],
  ['Fargate without task cpu', { family: 'f', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', memory: '512', containerDefinitions: [container()] }, 'ClientException', /^Fargate requires that 'cpu' be defined at the task level\./],
  ['Fargate without task memory', { family: 'f', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', containerDefinitions: [container()] }, 'ClientException', /^Fargate requires that 'memory' be defined at the task level\./],
  ['a size Fargate does not offer', { family: 'f', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '4096', containerDefinitions: [container()] }, 'ClientException', /^No Fargate configuration exists for given values\./],
  ['Fargate with GPUs', { family: 'f', requiresCompatibilities: ['EC2', 'FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [container({ resourceRequirements: [{ type: 'GPU', value: '1' }] })] }, 'ClientException', /^GPU resource requirements are not supported on Fargate/],
  ['Fargate with placement constraints', { family: 'f', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', placementConstraints: [{ type: 'memberOf', expression: 'attribute:a == b' }], containerDefinitions: [container()] }, 'ClientException', /^Task placement constraints are not supported on Fargate/],
  // placement constraints
  ['11 placement constraints', { family: 'f', placementConstraints: Array.from({ length: 11 }, () => ({ type: 'memberOf', expression: 'attribute:a == b' })), containerDefinitions: [container()] }, 'InvalidParameterException', /^placementConstraints may hold at most 10 constraints; got 11/],
  ['a distinctInstance constraint', { family: 'f', placementConstraints: [{ type: 'distinctInstance' }], containerDefinitions: [container()] }, 'InvalidParameterException', /^placementConstraints\[0\]\.type must be one of memberOf;/],
  ['a constraint without type', { family: 'f', placementConstraints: [{ expression: 'attribute:a == b' }], containerDefinitions: [container()] }, 'InvalidParameterException', /^placementConstraints\[0\]\.type is required/],
  ['a memberOf constraint without expression', { family: 'f', placementConstraints: [{ type: 'memberOf' }], containerDefinitions: [container()] }, 'InvalidParameterException', /^placementConstraints\[0\]\.expression is required/],
  ['a memberOf expression that does not parse', { family: 'f', placementConstraints: [{ type: 'memberOf', expression: 'attribute:a == b' }, { type: 'memberOf', expression: 'attribute:a ==' }], containerDefinitions: [container()] }, 'InvalidParameterException', /^placementConstraints\[1\]\.expression: line 1, column/],
  // other members
  ['taskRoleArn not a string', { family: 'f', taskRoleArn: 5, containerDefinitions: [container()] }, 'SerializationException', /^taskRoleArn must be a string/],
  ['volumes not a list', { family: 'f', volumes: 'data', containerDefinitions: [container()] }, 'SerializationException', /^volumes must be a list/],
  ['pidMode unknown', { family: 'f', pidMode: 'container', containerDefinitions: [container()] }, 'InvalidParameterException', /^pidMode must be one of host, task/],
  ['ipcMode unknown', { family: 'f', ipcMode: 'shareable', containerDefinitions: [container()] }, 'InvalidParameterException', /^ipcMode must be one of host, task, none/],
  ['proxyConfiguration without containerName', { family: 'f', proxyConfiguration: { type: 'APPMESH' }, containerDefinitions: [container()] }, 'InvalidParameterException', /^proxyConfiguration\.containerName is required/],
  ['command not a list of strings', { family: 'f', containerDefinitions: [container({ command: ['a', 1] })] }, 'SerializationException', /^containerDefinitions\[0\]\.command\[1\] must be a string/],
  ['dockerLabels with a number', { family: 'f', containerDefinitions: [container({ dockerLabels: { a: 1 } })] }, 'SerializationException', /^containerDefinitions\[0\]\.dockerLabels\["a"\] must be a string/],
  ['logConfiguration not an object', { family: 'f', containerDefinitions: [container({ logConfiguration: 'awslogs' })] }, 'SerializationException', /^containerDefinitions\[0\]\.logConfiguration must be an object/],
  ['stopTimeout not an integer', { family: 'f', containerDefinitions: [container({ stopTimeout: '30' })] }, 'SerializationException', /^containerDefinitions\[0\]\.stopTimeout must be a 32-bit integer/],
  ['a tag without key', { family: 'f', tags: [{ value: 'x' }], containerDefinitions: [container()] }, 'InvalidParameterException', /^tags\[0\]\.key/],
  ['an aws: tag', { family: 'f', tags: [{ key: 'aws:x', value: 'x' }], containerDefinitions: [container()] }, 'InvalidParameterException', /^tags\[0\]\.key: the aws: prefix is reserved/],
  ['tags not a list', { family: 'f', tags: {}, containerDefinitions: [container()] }, 'SerializationException', /^tags must be a list/],
];

describe('RegisterTaskDefinition rejects', () => {
  it.each(ERRORS)('%s', (_title, request, name, message) => {
    const sim = new EcsSimulator();
    registerTaskDefinition(sim.state, { family: 'f', containerDefinitions: [container()] });
    const before = JSON.stringify(sim.snapshot());
    let error: unknown;
    try {
      registerTaskDefinition(sim.state, request);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EcsError);
    expect((error as EcsError).name).toBe(name);
    expect((error as EcsError).message).toMatch(message);
    // ECS's own words carry no path; the member they concern is on the error.
    if (name === 'ClientException') expect((error as { member?: unknown }).member).toMatch(/^[a-zA-Z]/);
    expect(JSON.stringify(sim.snapshot())).toBe(before);
    expect(sim.state.taskDefinitions.nextRevision('f')).toBe(2);
  });

  it('accepts what the rules above allow at their edges', () => {
    const sim = new EcsSimulator();
    const ok = (r: Request) => registerTaskDefinition(sim.state, r).taskDefinition;
    expect(ok({ family: 'f'.repeat(255), containerDefinitions: [container({ name: 'n'.repeat(255) })] }).family).toHaveLength(255);
    expect(ok({ family: 'a_B-9', containerDefinitions: Array.from({ length: 10 }, (_, i) => container({ name: `c${i}` })) }).containerDefinitions).toHaveLength(10);
    expect(ok({ family: 'p', containerDefinitions: [container({ portMappings: [{ containerPort: 65535, hostPort: 65535 }, { containerPort: 1, hostPort: 0 }] })] })).toBeDefined();
    expect(ok({ family: 'cpu', cpu: '128', memory: '1', containerDefinitions: [{ name: 'a', image: 'b', cpu: 128, memory: 1 }] }).cpu).toBe('128');
    expect(ok({ family: 'cpu', cpu: '10 vCPU', containerDefinitions: [container()] }).cpu).toBe('10240');
    expect(ok({ family: 'mem', memory: '512', containerDefinitions: [{ name: 'a', image: 'b' }, { name: 'c', image: 'd', memory: 512, memoryReservation: 256 }] }).memory).toBe('512');
    expect(ok({ family: 'soft', containerDefinitions: [{ name: 'a', image: 'b', memoryReservation: 64 }] })).toBeDefined();
    expect(ok({ family: 'hard-soft', containerDefinitions: [{ name: 'a', image: 'b', memory: 65, memoryReservation: 64 }] })).toBeDefined();
    expect(ok({ family: 'none', networkMode: 'none', containerDefinitions: [container({ portMappings: [] })] }).networkMode).toBe('none');
    expect(ok({ family: 'fg', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '4096', memory: '30720', containerDefinitions: [{ name: 'a', image: 'b' }] }).compatibilities).toEqual(['EC2', 'FARGATE']);
    expect(ok({ family: 'cons', placementConstraints: Array.from({ length: 10 }, () => ({ type: 'memberOf', expression: 'task:group == service:x' })), containerDefinitions: [container()] }).placementConstraints).toHaveLength(10);
  });
});
