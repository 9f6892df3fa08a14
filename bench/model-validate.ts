/**
 * Request validation: the generated validator (src/model/validate.ts, the model's tables compiled
 * into closures) against the hand-written checks the operations run today (src/ecs/validate.ts
 * helpers and the per-member checks built on them), on typical RegisterContainerInstance and
 * RunTask requests. Both sides in one process, in alternating rounds (see `compare`): read the
 * median ratio.
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
import { checkAttributes } from '../src/ecs/attributes/rules.js';
import { checkTags } from '../src/ecs/shared/tags.js';
import { placementConstraints, placementStrategies } from '../src/ecs/shared/placement-params.js';
import { checkPlatformDevices, checkResources, checkVersionInfo } from '../src/ecs/container-instances/checks.js';
import { optionalArray, optionalEnum, optionalInteger, optionalString, requestObject, requiredString } from '../src/ecs/shared/validate.js';
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

const ROUNDS = 21;
const CALLS = 20_000;

function timed(f: () => unknown): number {
  const t0 = performance.now();
  for (let i = 0; i < CALLS; i++) sink = f();
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/**
 * Rounds of CALLS calls of each side, alternating which goes first; the per-round ratio cancels
 * most of the load drift of the shared machine, and the median of the rounds is reported.
 */
function compare(generated: () => unknown, handWritten: () => unknown) {
  timed(generated);
  timed(handWritten);
  const gen: number[] = [];
  const hand: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let g: number;
    let h: number;
    if (r % 2 === 0) {
      g = timed(generated);
      h = timed(handWritten);
    } else {
      h = timed(handWritten);
      g = timed(generated);
    }
    gen.push(g);
    hand.push(h);
    ratios.push(h / g);
  }
  const opsPerS = (ms: number) => Math.round((CALLS / ms) * 1000).toLocaleString('en-US');
  return { gen: opsPerS(median(gen)), hand: opsPerS(median(hand)), ratio: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}

console.log(`| request | generated validator, ops/s | hand-written checks, ops/s | generated / hand-written (median of ${ROUNDS} alternating rounds) | range |`);
console.log('|---|---:|---:|---:|---:|');
for (const [op, gen, hand] of [
  ['RegisterContainerInstance', () => validateRequest('RegisterContainerInstance', registerRequest), () => handWrittenRegister(registerRequest)],
  ['RunTask', () => validateRequest('RunTask', runTaskRequest), () => handWrittenRunTask(runTaskRequest)],
] as const) {
  const c = compare(gen, hand);
  console.log(`| ${op} | ${c.gen} | ${c.hand} | ${c.ratio.toFixed(2)}× | ${c.min.toFixed(2)}–${c.max.toFixed(2)}× |`);
}
