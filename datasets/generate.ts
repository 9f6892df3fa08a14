/**
 * Seeded generator of sample clusters in DescribeContainerInstances shape
 * (`{ containerInstances: [...], tasks: [...] }`; `tasks` holds the group and instance of each
 * task placed, in DescribeTasks shape). Same seed, same output.
 *
 *   npx tsx datasets/generate.ts --count 50 --seed 1 > datasets/small.json
 */
import { parseArgs } from 'node:util';
import { prng } from '../src/sim/random.js';

export { prng };

// vCPU units and MiB the agent registers (a little below nominal memory, as a real agent does).
const INSTANCE_TYPES: Array<[string, number, number]> = [
  ['t2.small', 1024, 1993], ['t2.medium', 2048, 3943], ['t3.large', 2048, 7855],
  ['m5.large', 2048, 7681], ['m5.xlarge', 4096, 15576], ['c5.xlarge', 4096, 7469],
  ['r5.large', 2048, 15736], ['g4dn.xlarge', 4096, 15578],
];
const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const AGENTS = ['1.29.0', '1.30.0', '1.32.1', '1.14.5', '1.26.0'];
const STACKS = ['prod', 'prod', 'prod', 'staging', 'dev'];
const TEAMS = ['payments', 'search', 'platform'];
const GROUPS = ['service:web', 'service:api', 'service:worker', 'family:batch', 'database'];

export interface GeneratedCluster {
  containerInstances: Array<Record<string, unknown>>;
  tasks: Array<{ taskArn: string; containerInstanceArn: string; group: string; lastStatus: string }>;
}

export function generateCluster(count: number, seed: number, account = '123456789012', cluster = 'sample'): GeneratedCluster {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const start = Date.UTC(2019, 0, 1);
  const containerInstances: GeneratedCluster['containerInstances'] = [];
  const tasks: GeneratedCluster['tasks'] = [];
  for (let i = 0; i < count; i++) {
    const [type, cpu, memory] = pick(INSTANCE_TYPES);
    const id = hex(32);
    const arn = `arn:aws:ecs:us-east-1:${account}:container-instance/${cluster}/${id}`;
    const running = Math.floor(random() * 8);
    const attributes: Array<{ name: string; value?: string }> = [
      { name: 'ecs.instance-type', value: type },
      { name: 'ecs.availability-zone', value: pick(AZS) },
      { name: 'ecs.ami-id', value: `ami-${hex(17)}` },
      { name: 'ecs.os-type', value: 'linux' },
      { name: 'ecs.cpu-architecture', value: 'x86_64' },
      { name: 'ecs.capability.task-eni' },
      { name: 'com.amazonaws.ecs.capability.docker-remote-api.1.19' },
      { name: 'stack', value: pick(STACKS) },
    ];
    if (random() < 0.7) attributes.push({ name: 'team', value: pick(TEAMS) });
    for (let t = 0; t < running; t++) {
      tasks.push({ taskArn: `arn:aws:ecs:us-east-1:${account}:task/${cluster}/${hex(32)}`, containerInstanceArn: arn, group: pick(GROUPS), lastStatus: 'RUNNING' });
    }
    containerInstances.push({
      containerInstanceArn: arn,
      ec2InstanceId: `i-${hex(17)}`,
      version: 1 + Math.floor(random() * 50),
      versionInfo: { agentVersion: pick(AGENTS), agentHash: hex(8), dockerVersion: 'DockerVersion: 18.06.1-ce' },
      registeredResources: [
        { name: 'CPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: cpu },
        { name: 'MEMORY', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: memory },
        { name: 'PORTS', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: ['22', '2375', '2376', '51678', '51679'] },
        { name: 'PORTS_UDP', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: [] },
      ],
      status: random() < 0.9 ? 'ACTIVE' : 'DRAINING',
      agentConnected: random() < 0.95,
      runningTasksCount: running,
      pendingTasksCount: 0,
      attributes,
      // Epoch seconds, as on the wire.
      registeredAt: Math.round((start + Math.floor(random() * 400 * 86_400_000)) / 1000 * 1000) / 1000,
    });
  }
  return { containerInstances, tasks };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '50' }, seed: { type: 'string', default: '1' } } });
  process.stdout.write(JSON.stringify(generateCluster(Number(values.count), Number(values.seed)), null, 2) + '\n');
}
