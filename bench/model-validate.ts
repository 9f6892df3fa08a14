/**
 * Request validation: the generated validator (src/model/validate.ts, the model's tables compiled
 * into closures) against the hand-written checks the operations run today (src/ecs/validate.ts
 * helpers and the per-member checks built on them), on typical RegisterContainerInstance and
 * RunTask requests. Both sides in one process, one run, so the ratio is what to read.
 *
 *   npm run bench:model     (tsx bench/model-validate.ts)
 *
 * The hand-written side is the checking part of each operation only (no cluster lookup, no
 * placement); it also builds the normalised records it returns, which the generated validator
 * does not (it returns the request as it is), and RunTask's also parses the placement
 * constraint's CQL expression and the strategy fields (a cached compile), which are not model
 * rules. RegisterContainerInstance is the closer like-for-like. Target: the generated validator
 * at least as fast as the hand-written checks on both.
 */
import Benchmark from 'benchmark';
import { checkAttributes, checkTags } from '../src/ecs/attribute-rules.js';
import { placementConstraints, placementStrategies } from '../src/ecs/placement-params.js';
import { checkPlatformDevices, checkResources, checkVersionInfo } from '../src/ecs/register-container-instance.js';
import { optionalArray, optionalEnum, optionalInteger, optionalString, requestObject, requiredString } from '../src/ecs/validate.js';
import { validateRequest } from '../src/model/validate.js';

const registerRequest = {
  cluster: 'prod',
  instanceIdentityDocument: JSON.stringify({ instanceId: 'i-0abc', instanceType: 'c5.xlarge', availabilityZone: 'us-east-1a', imageId: 'ami-1' }),
  totalResources: [
    { name: 'CPU', type: 'INTEGER', integerValue: 4096 },
    { name: 'MEMORY', type: 'INTEGER', integerValue: 7680 },
    { name: 'PORTS', type: 'STRINGSET', stringSetValue: ['22', '2375', '2376', '51678', '51679'] },
    { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: [] },
  ],
  versionInfo: { agentVersion: '1.29.0', agentHash: 'a190a73f', dockerVersion: 'DockerVersion: 18.06.1-ce' },
  attributes: [
    { name: 'ecs.capability.docker-remote-api.1.17' }, { name: 'ecs.capability.task-eni' },
    { name: 'stack', value: 'prod' }, { name: 'team', value: 'payments' },
  ],
  platformDevices: [{ id: 'GPU-1', type: 'GPU' }],
  tags: [{ key: 'owner', value: 'sre' }],
};

const runTaskRequest = {
  cluster: 'prod',
  taskDefinition: 'web:3',
  count: 5,
  group: 'service:web',
  startedBy: 'deployer',
  launchType: 'EC2',
  placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ c5.*' }, { type: 'distinctInstance' }],
  placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
  tags: [{ key: 'owner', value: 'sre' }],
};

function handWrittenRegister(request: unknown) {
  const input = requestObject(request, 'RegisterContainerInstance');
  return [
    optionalString(input, 'cluster'),
    optionalString(input, 'instanceIdentityDocument'),
    checkResources(optionalArray(input, 'totalResources') ?? [], 'totalResources'),
    checkVersionInfo(input['versionInfo'], 'versionInfo'),
    checkAttributes(optionalArray(input, 'attributes') ?? [], 'attributes'),
    checkPlatformDevices(optionalArray(input, 'platformDevices') ?? [], 'platformDevices'),
    checkTags(optionalArray(input, 'tags') ?? [], 'tags'),
  ];
}

function handWrittenRunTask(request: unknown) {
  const input = requestObject(request, 'RunTask');
  return [
    optionalString(input, 'cluster'),
    requiredString(input, 'taskDefinition'),
    optionalEnum(input, 'launchType', ['EC2', 'FARGATE'] as const),
    optionalString(input, 'startedBy', 36),
    optionalString(input, 'group', 255),
    checkTags(optionalArray(input, 'tags') ?? [], 'tags'),
    optionalInteger(input, 'count', 1, 10),
    placementConstraints(input),
    placementStrategies(input),
  ];
}

/** Keeps the results alive so the calls are not optimised away. */
export let sink: unknown;
const rows: { name: string; hz: number; rme: number }[] = [];
new Benchmark.Suite()
  .add('RegisterContainerInstance, generated validator', () => { sink = validateRequest('RegisterContainerInstance', registerRequest); })
  .add('RegisterContainerInstance, hand-written checks', () => { sink = handWrittenRegister(registerRequest); })
  .add('RunTask, generated validator', () => { sink = validateRequest('RunTask', runTaskRequest); })
  .add('RunTask, hand-written checks', () => { sink = handWrittenRunTask(runTaskRequest); })
  .on('cycle', (e: Benchmark.Event) => {
    const b = e.target as unknown as Benchmark;
    rows.push({ name: String(b.name), hz: b.hz ?? 0, rme: b.stats?.rme ?? 0 });
  })
  .on('complete', () => {
    console.log('| request | checks | ops/s | ±% |');
    console.log('|---|---|---:|---:|');
    for (const r of rows) console.log(`| ${r.name.replace(', ', ' | ')} | ${Math.round(r.hz).toLocaleString('en-US')} | ${r.rme.toFixed(1)} |`);
    for (const op of ['RegisterContainerInstance', 'RunTask']) {
      const gen = rows.find((r) => r.name === `${op}, generated validator`)!.hz;
      const hand = rows.find((r) => r.name === `${op}, hand-written checks`)!.hz;
      console.log(`${op}: generated / hand-written = ${(gen / hand).toFixed(2)}×`);
    }
  })
  .run();
