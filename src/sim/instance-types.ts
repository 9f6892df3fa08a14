/**
 * The EC2 instance types a generated cluster is made of (mid-2019, the simulated API's date):
 * their EC2 facts (vCPUs, nominal memory, GPUs, hypervisor, architecture) and what the ECS agent
 * registers for them (reference §2.5.1). ENI limits are `resources/eni-limits.ts`'s `eniTaskLimit`.
 */
export interface InstanceTypeInfo {
  readonly name: string;
  readonly vcpus: number;
  /** nominal memory in MiB, as EC2 advertises it (GiB × 1024) */
  readonly memoryMiB: number;
  /** whole GPUs (NVIDIA K80 / M60 / V100 in these families) */
  readonly gpus: number;
  /** Xen (older families) or Nitro: decides how much memory the OS keeps (see registeredMemoryMiB) */
  readonly hypervisor: 'xen' | 'nitro';
  readonly architecture: 'x86_64' | 'arm64';
  /** relative share in a typical 2019 fleet (weights, not percentages; GPU types among themselves) */
  readonly weight: number;
}

const GIB = 1024;

function type(name: string, vcpus: number, memoryGiB: number, weight: number, gpus = 0): InstanceTypeInfo {
  const family = name.split('.')[0]!;
  return Object.freeze({
    name,
    vcpus,
    memoryMiB: Math.round(memoryGiB * GIB),
    gpus,
    hypervisor: ['t3', 'm5', 'c5', 'r5', 'a1'].includes(family) ? 'nitro' : 'xen',
    architecture: family === 'a1' ? 'arm64' : 'x86_64',
    weight,
  });
}

/**
 * EC2 facts from the instance-type pages (https://aws.amazon.com/ec2/instance-types/); weights
 * are this project's picture of a 2019 fleet: current-generation m5/c5/r5 most common, the
 * previous generation (m4, c4, r4, t2) still around, a little Graviton (a1); the generator makes
 * 2% of the instances GPU types and shares them out by the GPU types' own weights.
 */
export const INSTANCE_TYPES: readonly InstanceTypeInfo[] = Object.freeze([
  type('t2.small', 1, 2, 2), type('t2.medium', 2, 4, 3), type('t2.large', 2, 8, 2),
  type('t3.medium', 2, 4, 3), type('t3.large', 2, 8, 3), type('t3.xlarge', 4, 16, 1),
  type('m4.large', 2, 8, 5), type('m4.xlarge', 4, 16, 4), type('m4.2xlarge', 8, 32, 1),
  type('m5.large', 2, 8, 14), type('m5.xlarge', 4, 16, 12), type('m5.2xlarge', 8, 32, 6), type('m5.4xlarge', 16, 64, 2),
  type('c4.large', 2, 3.75, 3), type('c4.xlarge', 4, 7.5, 3),
  type('c5.large', 2, 4, 8), type('c5.xlarge', 4, 8, 8), type('c5.2xlarge', 8, 16, 4), type('c5.4xlarge', 16, 32, 1),
  type('r4.large', 2, 15.25, 2), type('r4.xlarge', 4, 30.5, 2),
  type('r5.large', 2, 16, 4), type('r5.xlarge', 4, 32, 4), type('r5.2xlarge', 8, 64, 2),
  type('a1.large', 2, 4, 1), type('a1.xlarge', 4, 8, 1),
  // GPU types (the ECS GPU-optimized AMI, June 2019): p2 (K80), p3 (V100), g3 / g3s (M60).
  type('p2.xlarge', 4, 61, 6, 1), type('p3.2xlarge', 8, 61, 8, 1), type('p3.8xlarge', 32, 244, 2, 4),
  type('g3s.xlarge', 4, 30.5, 4, 1), type('g3.4xlarge', 16, 122, 3, 1),
]);

export const INSTANCE_TYPES_BY_NAME: ReadonlyMap<string, InstanceTypeInfo> = new Map(INSTANCE_TYPES.map((t) => [t.name, t]));

/**
 * The MEMORY (MiB) the ECS agent registers for an instance type on the ECS-optimized Amazon
 * Linux AMI with the default `ECS_RESERVED_MEMORY=0`.
 *
 * The agent registers the memory the OS reports (`MemTotal`, via Docker's `ReadMemInfo`) minus
 * `ECS_RESERVED_MEMORY` [DG memory-management.html]. `MemTotal` is below the nominal size because
 * the kernel keeps some for itself. The rule below is fitted on published registrations:
 * - Xen types: nominal − nominal/64 (the kernel's page tables, 64 bytes per 4 KiB page) − a fixed
 *   15 MiB below 4 GiB, 80 MiB from 4 GiB (the crash kernel is only reserved from there), 95 MiB
 *   with 16 vCPUs or more (per-CPU areas). It reproduces exactly every row of a published
 *   table of ECS registrations (t2.micro 993, t2.small 2001, t2.medium 3952, m4.large 7984,
 *   m4.4xlarge 64417, c4.large 3765, c4.4xlarge 30145, r4.large 15292, r4.16xlarge 491809, …;
 *   sentiatechblog.com "Cost efficiency while using the containers") and the guide's m4.large
 *   example within 1 MiB (7985) [DG].
 * - Nitro types lose more (ENA/NVMe drivers and the larger crash kernel of the AL2 kernels):
 *   nominal − nominal/32 − 263, fitted on the one AWS example, c5.large registering 3705 MiB
 *   [EX update-container-instances-state] [INF for the other Nitro sizes].
 *
 * @example registeredMemoryMiB(INSTANCE_TYPES_BY_NAME.get('m4.large')!) // 7984
 */
export function registeredMemoryMiB(t: InstanceTypeInfo): number {
  const n = t.memoryMiB;
  if (t.hypervisor === 'nitro') return n - Math.floor(n / 32) - 263;
  const fixed = n < 4096 ? 15 : t.vcpus >= 16 ? 95 : 80;
  return n - Math.floor(n / 64) - fixed;
}

/** CPU units the agent registers: 1024 per vCPU (reference §2.5.1). */
export function registeredCpuUnits(t: InstanceTypeInfo): number {
  return t.vcpus * 1024;
}

