/**
 * EC2 instance types as the ECS agent registers them: CPU units (1,024 per vCPU), memory in MiB
 * after the agent's reservation (approximate 2019 figures), and GPUs. Enough variety for
 * placement to matter — small and large, burstable, compute and memory heavy, GPU — not a
 * price list.
 */

export interface InstanceTypeSpec {
  readonly name: string;
  /** CPU units the agent registers (1,024 per vCPU) */
  readonly cpu: number;
  /** MiB the agent registers */
  readonly memory: number;
  /** GPUs (registered as `platformDevices`) */
  readonly gpus: number;
}

export const INSTANCE_TYPES: readonly InstanceTypeSpec[] = Object.freeze([
  { name: 't2.small', cpu: 1024, memory: 1993, gpus: 0 },
  { name: 't2.medium', cpu: 2048, memory: 3943, gpus: 0 },
  { name: 'c5.large', cpu: 2048, memory: 3704, gpus: 0 },
  { name: 'c5.xlarge', cpu: 4096, memory: 7474, gpus: 0 },
  { name: 'm5.large', cpu: 2048, memory: 7680, gpus: 0 },
  { name: 'm5.xlarge', cpu: 4096, memory: 15576, gpus: 0 },
  { name: 'r5.large', cpu: 2048, memory: 15709, gpus: 0 },
  { name: 'p2.xlarge', cpu: 4096, memory: 61022, gpus: 1 },
  { name: 'p3.2xlarge', cpu: 8192, memory: 61022, gpus: 1 },
  { name: 'g3.4xlarge', cpu: 16384, memory: 122601, gpus: 1 },
  { name: 'p3.8xlarge', cpu: 32768, memory: 245003, gpus: 4 },
].map((t) => Object.freeze(t)));

/** The catalogue entry of `name`, or a 2-vCPU, 4 GiB, GPU-less stand-in for types it does not list. */
export function instanceTypeSpec(name: string): InstanceTypeSpec {
  return INSTANCE_TYPES.find((t) => t.name === name) ?? { name, cpu: 2048, memory: 3943, gpus: 0 };
}
