/**
 * EC2 instance types as the ECS agent registers them: CPU units (1,024 per vCPU), memory in MiB
 * after the agent's reservation, and GPUs — taken from the dataset generator's catalogue
 * (`src/sim/instance-types.ts`), so arbitraries and generated clusters agree. Enough variety for
 * placement to matter — small and large, burstable, compute and memory heavy, GPU — not a
 * price list.
 */
import { INSTANCE_TYPES_BY_NAME, registeredCpuUnits, registeredMemoryMiB } from '../sim/instance-types.js';

export interface InstanceTypeSpec {
  readonly name: string;
  /** CPU units the agent registers (1,024 per vCPU) */
  readonly cpu: number;
  /** MiB the agent registers */
  readonly memory: number;
  /** GPUs (registered as `platformDevices`) */
  readonly gpus: number;
}

const NAMES = ['t2.small', 't2.medium', 'c5.large', 'c5.xlarge', 'm5.large', 'm5.xlarge', 'r5.large', 'p2.xlarge', 'p3.2xlarge', 'g3.4xlarge', 'p3.8xlarge'];

export const INSTANCE_TYPES: readonly InstanceTypeSpec[] = Object.freeze(
  NAMES.map((name) => {
    const t = INSTANCE_TYPES_BY_NAME.get(name)!;
    return Object.freeze({ name, cpu: registeredCpuUnits(t), memory: registeredMemoryMiB(t), gpus: t.gpus });
  }),
);

/** The catalogue entry of `name`, or a 2-vCPU, 4 GiB, GPU-less stand-in for types it does not list. */
export function instanceTypeSpec(name: string): InstanceTypeSpec {
  return INSTANCE_TYPES.find((t) => t.name === name) ?? { name, cpu: 2048, memory: 3943, gpus: 0 };
}
