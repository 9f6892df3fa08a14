/**
 * What a task definition reserves on the container instance a task of it is placed on
 * (reference §2.5.2–§2.5.6): CPU units, MiB, static host ports per protocol, whole GPUs, an ENI,
 * and the attributes the instance must have.
 */
import type { ContainerResources, TaskDefinitionResources, TaskRequirements } from './types.js';

/** 1 vCPU = 1024 CPU units (reference §2.5.2); 1 GB = 1024 MiB. */
const UNITS_PER_VCPU = 1024;
const MIB_PER_GB = 1024;

const INTEGER = /^\s*(\d+)\s*$/;
const VCPUS = /^\s*(\d+(?:\.\d+)?)\s*vcpus?\s*$/i;
const GBS = /^\s*(\d+(?:\.\d+)?)\s*gb\s*$/i;

/**
 * Task-level `cpu` text as CPU units: `"1024"` → 1024, `"1 vCPU"` → 1024, `"0.25 vcpu"` → 256.
 * Null when the text is neither form or does not come to a whole number of units.
 *
 * @example parseCpuUnits('2 vCPU') // 2048
 */
export function parseCpuUnits(text: string): number | null {
  const units = INTEGER.exec(text);
  if (units) return safeInteger(Number(units[1]));
  const vcpus = VCPUS.exec(text);
  if (vcpus) return safeInteger(Number(vcpus[1]) * UNITS_PER_VCPU);
  return null;
}

/**
 * Task-level `memory` text as MiB: `"2048"` → 2048, `"2 GB"` / `"2GB"` → 2048, `"0.5 GB"` → 512.
 * Null when the text is neither form or does not come to a whole number of MiB.
 *
 * @example parseMemoryMiB('1 GB') // 1024
 */
export function parseMemoryMiB(text: string): number | null {
  const mib = INTEGER.exec(text);
  if (mib) return safeInteger(Number(mib[1]));
  const gb = GBS.exec(text);
  if (gb) return safeInteger(Number(gb[1]) * MIB_PER_GB);
  return null;
}

function safeInteger(n: number): number | null {
  return Number.isSafeInteger(n) ? n : null;
}

/** Sum of the GPUs a container asks for (`resourceRequirements: [{type: 'GPU', value: '<n>'}]`). */
function gpusOf(container: ContainerResources): number {
  let n = 0;
  for (const r of container.resourceRequirements ?? []) {
    if (r.type === 'GPU') n += Number(r.value);
  }
  return n;
}

/**
 * What one task of `taskDefinition` reserves. The definition is assumed to have passed
 * RegisterTaskDefinition's checks (as every registered or described one has); text that does not
 * parse throws a TypeError.
 *
 * @example
 * requirementsOf({ networkMode: 'bridge', containerDefinitions: [
 *   { cpu: 256, memory: 512, memoryReservation: 256, portMappings: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 81 }] },
 * ] });
 * // { cpu: 256, memory: 256, tcpPorts: [8080], udpPorts: [], gpus: 0, eni: false, attributes: [] }
 */
export function requirementsOf(taskDefinition: TaskDefinitionResources): TaskRequirements {
  const mode = taskDefinition.networkMode ?? 'bridge';
  const containers = taskDefinition.containerDefinitions ?? [];

  // CPU. A task-level value, when present, is what the task reserves; otherwise the sum over its
  // containers. How ECS combines a task-level value with container values is undocumented
  // (reference §2.5.2, §6 item 9); the task-level value is the reading the docs imply [INF], and
  // RegisterTaskDefinition rejects containers whose sum exceeds it, so it is also the larger.
  // A container without `cpu` reserves 0 units (it still gets 2 CPU shares at run time) [INF].
  let cpu: number;
  if (taskDefinition.cpu !== undefined && taskDefinition.cpu !== null) {
    const units = parseCpuUnits(taskDefinition.cpu);
    if (units === null) throw new TypeError(`requirementsOf: task-level cpu '${taskDefinition.cpu}' is not CPU units or vCPUs`);
    cpu = units;
  } else {
    cpu = 0;
    for (const c of containers) cpu += c.cpu ?? 0;
  }

  // Memory. Task-level when present (same reading as CPU [INF]); otherwise per container the
  // soft limit `memoryReservation` when set, else the hard limit `memory` [API, DG §2.5.3].
  let memory: number;
  if (taskDefinition.memory !== undefined && taskDefinition.memory !== null) {
    const mib = parseMemoryMiB(taskDefinition.memory);
    if (mib === null) throw new TypeError(`requirementsOf: task-level memory '${taskDefinition.memory}' is not MiB or GB`);
    memory = mib;
  } else {
    memory = 0;
    for (const c of containers) memory += c.memoryReservation ?? c.memory ?? 0;
  }

  // Static host ports per protocol (reference §2.5.4). bridge: a non-zero hostPort is reserved;
  // 0 or no hostPort is a dynamic port from the ephemeral range, which ECS neither records in
  // remainingResources nor counts toward the 100-port limit. host: the containerPort itself
  // (hostPort is empty or equal to it). awsvpc: ports live on the task's own ENI. none: no ports.
  // `protocol` other than 'udp' is TCP (RegisterTaskDefinition accepts only tcp and udp).
  // A port mapped twice within one task (two containers, or two mappings) is reserved once: the
  // remainingResources set lists a port once, and nothing documents a task conflicting with
  // itself [INF].
  const tcp = new Set<number>();
  const udp = new Set<number>();
  if (mode === 'bridge' || mode === 'host') {
    for (const c of containers) {
      for (const m of c.portMappings ?? []) {
        const port = mode === 'host' ? m.containerPort : m.hostPort;
        if (port === undefined || port === null || port === 0) continue;
        (m.protocol === 'udp' ? udp : tcp).add(port);
      }
    }
  }

  let gpus = 0;
  for (const c of containers) gpus += gpusOf(c);

  const eni = mode === 'awsvpc';
  // awsvpc needs the agent's task-ENI capability (reference §2.1, §2.5.7 ATTRIBUTE). No other
  // attribute is required: ECS also lists docker-remote-api versions in requiresAttributes, but
  // which feature needs which version is not in the reference, and GPU tasks need no attribute
  // beyond the GPUs themselves (RESOURCE:GPU covers an instance without them) [INF].
  const attributes = eni ? ['ecs.capability.task-eni'] : [];

  return Object.freeze({
    cpu,
    memory,
    tcpPorts: Object.freeze([...tcp].sort((a, b) => a - b)),
    udpPorts: Object.freeze([...udp].sort((a, b) => a - b)),
    gpus,
    eni,
    attributes: Object.freeze(attributes),
  });
}
