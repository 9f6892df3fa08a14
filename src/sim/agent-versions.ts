/**
 * ECS container agent releases a mid-2019 fleet runs, and the attributes each reports
 * (reference §3.9): the built-in capability flags, most without a value, that grew with every
 * release. Used by the cluster generator.
 *
 * Release dates and the version each capability appeared in follow the agent's CHANGELOG
 * (github.com/aws/amazon-ecs-agent) to the month [AG]; the ECS-optimized AMI of each release
 * shipped the Docker version listed [DG ecs-ami-versions] — both to the best of this project's
 * reading, close enough for generated data, not a compatibility table [INF].
 */
import { compareVersions } from '../cql/index.js';
import type { Attribute } from '../shapes.js';

export interface AgentRelease {
  readonly version: string;
  /** epoch ms of the release (first of the month where the day is not known) */
  readonly released: number;
  /** `versionInfo.dockerVersion` as the agent reports it */
  readonly dockerVersion: string;
  /** newest Docker remote API minor version the agent reports (it knows up to 1.32) */
  readonly dockerApi: number;
  /** relative share in a June 2019 fleet: recent releases most common */
  readonly weight: number;
}

/** TCP ports the agent reserves on every instance, in the order it sends them (reference §2.5.1 example) [EX]. */
export const AGENT_RESERVED_TCP_PORTS: readonly string[] = Object.freeze(['22', '2376', '2375', '51678', '51679']);

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Oldest first. */
export const AGENT_RELEASES: readonly AgentRelease[] = Object.freeze([
  { version: '1.14.5', released: day('2017-09-29'), dockerVersion: 'DockerVersion: 17.03.2-ce', dockerApi: 27, weight: 2 },
  { version: '1.17.3', released: day('2018-04-10'), dockerVersion: 'DockerVersion: 17.12.1-ce', dockerApi: 32, weight: 2 },
  { version: '1.18.0', released: day('2018-05-01'), dockerVersion: 'DockerVersion: 17.12.1-ce', dockerApi: 32, weight: 3 },
  { version: '1.20.3', released: day('2018-09-20'), dockerVersion: 'DockerVersion: 18.03.1-ce', dockerApi: 32, weight: 5 },
  { version: '1.22.0', released: day('2018-11-01'), dockerVersion: 'DockerVersion: 18.06.1-ce', dockerApi: 32, weight: 6 },
  { version: '1.24.0', released: day('2019-01-10'), dockerVersion: 'DockerVersion: 18.06.1-ce', dockerApi: 32, weight: 7 },
  { version: '1.25.3', released: day('2019-02-20'), dockerVersion: 'DockerVersion: 18.06.1-ce', dockerApi: 32, weight: 8 },
  { version: '1.26.1', released: day('2019-03-15'), dockerVersion: 'DockerVersion: 18.06.1-ce', dockerApi: 32, weight: 9 },
  { version: '1.27.0', released: day('2019-03-28'), dockerVersion: 'DockerVersion: 18.06.1-ce', dockerApi: 32, weight: 10 },
  { version: '1.28.0', released: day('2019-04-25'), dockerVersion: 'DockerVersion: 18.06.1-ce', dockerApi: 32, weight: 10 },
  { version: '1.28.1', released: day('2019-05-09'), dockerVersion: 'DockerVersion: 18.06.1-ce', dockerApi: 32, weight: 18 },
  { version: '1.29.0', released: day('2019-05-30'), dockerVersion: 'DockerVersion: 18.06.1-ce', dockerApi: 32, weight: 20 },
].map((r) => Object.freeze(r)));

/** a ≥ b for dotted versions (CQL's version order). */
export function atLeast(a: string, b: string): boolean {
  return compareVersions(a.split('.').map(Number), b.split('.').map(Number)) >= 0;
}

/** Capability flags (no value) and the agent version that first reports each. */
const CAPABILITIES: readonly (readonly [name: string, since: string])[] = [
  ['com.amazonaws.ecs.capability.privileged-container', '1.0.0'],
  ['com.amazonaws.ecs.capability.logging-driver.json-file', '1.0.0'],
  ['com.amazonaws.ecs.capability.logging-driver.awslogs', '1.0.0'],
  ['com.amazonaws.ecs.capability.logging-driver.none', '1.0.0'],
  ['com.amazonaws.ecs.capability.ecr-auth', '1.0.0'],
  ['com.amazonaws.ecs.capability.task-iam-role', '1.0.0'],
  ['com.amazonaws.ecs.capability.task-iam-role-network-host', '1.0.0'],
  ['ecs.capability.task-eni', '1.15.0'],
  ['ecs.capability.execution-role-ecr-pull', '1.16.0'],
  ['ecs.capability.execution-role-awslogs', '1.16.0'],
  ['ecs.capability.task-cpu-mem-limit', '1.16.0'],
  ['ecs.capability.container-health-check', '1.17.0'],
  ['ecs.capability.private-registry-authentication.secretsmanager', '1.19.0'],
  ['ecs.capability.docker-plugin.local', '1.21.0'],
  ['ecs.capability.secrets.ssm.environment-variables', '1.22.0'],
  ['ecs.capability.pid-ipc-namespace-sharing', '1.22.0'],
  ['ecs.capability.secrets.asm.environment-variables', '1.23.0'],
  ['ecs.capability.aws-appmesh', '1.26.0'],
  ['ecs.capability.container-ordering', '1.26.0'],
  ['ecs.capability.task-eni-trunking', '1.28.1'],
];

/** The CNI plugins' version the agent reports as `ecs.capability.cni-plugin-version` (a capability with a value). */
function cniPluginVersion(release: AgentRelease): string {
  const d = new Date(release.released);
  return `${hash8(`cni-${release.version}`)}-${d.getUTCFullYear()}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.0`;
}

/**
 * The capability attributes an agent release reports, in the order the agent sends them: the
 * Docker remote API versions it can use (1.17 up to what its Docker speaks), the logging drivers
 * the ECS-optimized AMI enables (`json-file`, `awslogs`, plus `none`), IAM/ECR/ENI features, and
 * the CNI plugin version (from 1.15, when awsvpc arrived). With `compact`, without the Docker
 * remote API and logging-driver flags. Shared, frozen objects: callers must not change them.
 */
export function capabilityAttributes(release: AgentRelease, compact = false): readonly Attribute[] {
  const key = `${release.version}/${compact}`;
  let list = cache.get(key);
  if (list === undefined) {
    const out: Attribute[] = [];
    if (!compact) for (let minor = 17; minor <= release.dockerApi; minor++) out.push({ name: `com.amazonaws.ecs.capability.docker-remote-api.1.${minor}` });
    for (const [name, since] of CAPABILITIES) {
      if (compact && COMPACT_OMITS.test(name)) continue;
      if (atLeast(release.version, since)) out.push({ name });
    }
    if (atLeast(release.version, '1.15.0')) out.push({ name: 'ecs.capability.cni-plugin-version', value: cniPluginVersion(release) });
    list = Object.freeze(out.map((a) => Object.freeze(a)));
    cache.set(key, list);
  }
  return list;
}

/**
 * What `compact` leaves out: the Docker remote API and logging-driver flags (20 of an agent's
 * ~37 attributes, nothing the simulator's placement requires) [INF].
 */
const COMPACT_OMITS = /^com\.amazonaws\.ecs\.capability\.(docker-remote-api|logging-driver)\./;

const cache = new Map<string, readonly Attribute[]>();

/**
 * A stable 8-hex-digit digest of a text (FNV-1a): the generator's stand-in for git hashes and
 * AMI ids, so that every instance of one release reports the same `agentHash`.
 */
export function hash8(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** `versionInfo.agentHash`: the June 2019 release's is the one in AWS's own example [EX]. */
export function agentHash(release: AgentRelease): string {
  return release.version === '1.29.0' ? 'a190a73f' : hash8(`agent-${release.version}`);
}
