/**
 * The kinds of instance a plan may add: an allowed type in an allowed Availability Zone with a
 * set of custom attributes (a "profile"), and which task classes each kind could hold — decided
 * by the same CQL and resource rules placement uses, on the instance as it would register.
 */
import { compileFilter } from '../cql/index.js';
import type { Attribute, ContainerInstance } from '../shapes.js';
import { MAX_RESERVED_PORTS } from '../resources/accountant.js';
import { AGENT_RESERVED_TCP_PORTS } from '../sim/agent-versions.js';
import { trunkable, type CatalogueType } from './catalogue.js';
import type { TaskClass } from './demand.js';
import { candidateInstance, type RegistrationContext } from './registration.js';

export interface Kind {
  readonly index: number;
  readonly type: CatalogueType;
  readonly availabilityZone: string;
  /** custom attributes it registers with */
  readonly attributes: readonly Attribute[];
  readonly price: number;
  /** registers with a trunk ENI */
  readonly trunked: boolean;
  /** awsvpc tasks it can run at once */
  readonly enis: number;
  /** the instance as CQL sees it after registering */
  readonly candidate: ContainerInstance;
}

const RESERVED_TCP = new Set(AGENT_RESERVED_TCP_PORTS.map(Number));

/** Static host ports of a task (TCP and UDP together count toward the port cap). */
export function staticPorts(cls: TaskClass): number {
  return cls.requirements.tcpPorts.length + cls.requirements.udpPorts.length;
}

/** How many tasks of `cls` fit on an empty instance of `kind` (0: none). */
export function emptyFit(cls: TaskClass, kind: Kind): number {
  const r = cls.requirements;
  const t = kind.type;
  let n = Infinity;
  if (r.cpu > 0) n = Math.min(n, Math.floor(t.cpu / r.cpu));
  if (r.memory > 0) n = Math.min(n, Math.floor(t.memory / r.memory));
  if (r.gpus > 0) n = Math.min(n, Math.floor(t.gpus / r.gpus));
  if (r.eni) n = Math.min(n, kind.enis);
  const ports = staticPorts(cls);
  if (ports > 0) {
    if (r.tcpPorts.some((p) => RESERVED_TCP.has(p)) || RESERVED_TCP.size + ports > MAX_RESERVED_PORTS) return 0;
    n = Math.min(n, 1);
  }
  if (cls.distinct) n = Math.min(n, 1);
  // A task that reserves nothing still needs an instance; a hundred per instance is no limit in practice.
  return n === Infinity ? 1_000_000 : n;
}

/** Why no kind can hold a task of `cls`, as a reason code and sentence (for an "impossible" answer). */
export function whyNoKind(cls: TaskClass, kinds: readonly Kind[]): { reason: string; message: string } {
  const r = cls.requirements;
  const matching = kinds.filter((k) => memberOfHolds(cls, k));
  if (kinds.length === 0) return { reason: 'CATALOGUE', message: 'no instance type and Availability Zone is allowed' };
  if (matching.length === 0) {
    const missing = r.attributes.filter((a) => !kinds.some((k) => k.candidate.attributes!.some((x) => x.name === a)));
    if (missing.length > 0) return { reason: 'ATTRIBUTE', message: `no allowed instance type registers the attribute${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` };
    return { reason: 'CONSTRAINT:memberOf', message: `no allowed instance type satisfies memberOf(${cls.memberOf.join(') and memberOf(')})` };
  }
  const largest = (pick: (t: CatalogueType) => number) => Math.max(...matching.map((k) => pick(k.type)));
  const name = (pick: (t: CatalogueType) => number) => matching.map((k) => k.type).find((t) => pick(t) === largest(pick))!.instanceType;
  if (r.cpu > largest((t) => t.cpu)) return { reason: 'RESOURCE:CPU', message: `needs ${r.cpu} CPU units; the largest allowed type that satisfies its constraints registers ${largest((t) => t.cpu)} (${name((t) => t.cpu)})` };
  if (r.memory > largest((t) => t.memory)) return { reason: 'RESOURCE:MEMORY', message: `needs ${r.memory} MiB; the largest allowed type that satisfies its constraints registers ${largest((t) => t.memory)} MiB (${name((t) => t.memory)})` };
  if (r.gpus > largest((t) => t.gpus)) return { reason: 'RESOURCE:GPU', message: `needs ${r.gpus} GPU${r.gpus > 1 ? 's' : ''}; the most any allowed type that satisfies its constraints has is ${largest((t) => t.gpus)}` };
  if (r.eni && !matching.some((k) => k.enis > 0)) return { reason: 'RESOURCE:ENI', message: 'needs an ENI (awsvpc); no allowed type has one free for tasks' };
  if (staticPorts(cls) > 0) return { reason: 'RESOURCE:PORTS', message: `its host ports (${[...r.tcpPorts, ...r.udpPorts].join(', ')}) include one the agent reserves, or more than an instance can hold` };
  return { reason: 'RESOURCE:CPU', message: 'no allowed instance type can hold it' };
}

function memberOfHolds(cls: TaskClass, kind: Kind): boolean {
  const names = new Set(kind.candidate.attributes!.map((a) => a.name));
  if (!cls.requirements.attributes.every((a) => names.has(a))) return false;
  return cls.memberOf.every((m) => compileFilter(m).matches(kind.candidate, { taskGroups: [] }));
}

/**
 * Whether `kind` could hold a task of `cls`: constraints, required attributes and resources.
 * A task whose constraints do not name `ecs.cpu-architecture` gets x86_64 instances only: its
 * image is built for one architecture (x86_64, unless it says otherwise — arm64 images came with
 * Graviton in November 2018), and ECS placement does not check images, so an arm64 instance
 * would take it and fail to run it.
 */
export function eligible(cls: TaskClass, kind: Kind): boolean {
  if (kind.type.architecture !== 'x86_64' && !cls.memberOf.some((m) => m.includes('ecs.cpu-architecture'))) return false;
  return emptyFit(cls, kind) > 0 && memberOfHolds(cls, kind);
}

/**
 * Every (type, AZ, profile) combination, priced; types without a price are left out (a plan
 * cannot cost what it does not know).
 */
export function buildKinds(
  ctx: RegistrationContext, types: readonly CatalogueType[], availabilityZones: readonly string[],
  profiles: readonly (readonly Attribute[])[], prices: Readonly<Record<string, number>>, trunking: boolean, now: number,
): Kind[] {
  const kinds: Kind[] = [];
  for (const type of types) {
    const price = Object.hasOwn(prices, type.instanceType) ? prices[type.instanceType]! : undefined;
    if (price === undefined) continue;
    for (const availabilityZone of availabilityZones) {
      for (const attributes of profiles) {
        const trunked = trunking && trunkable(type, ctx.agentVersion);
        kinds.push({
          index: kinds.length,
          type,
          availabilityZone,
          attributes,
          price,
          trunked,
          enis: trunked ? type.eniTasksTrunked : type.eniTasks,
          candidate: candidateInstance(ctx, type, availabilityZone, attributes, now),
        });
      }
    }
  }
  return kinds;
}
