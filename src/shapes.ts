/**
 * ECS API shapes: the types generated from the ECS service model (`src/model/shapes.generated.ts`,
 * see `src/model/README.md`), re-exported where the rest of the library imports them.
 *
 * @example
 * import type { ContainerInstance, RunTaskRequest } from './shapes.js';
 */
export type * from './model/shapes.generated.js';

// ---- kept apart: public exports that are not in the model --------------------------------------
// The package exported these when its shapes mirrored a newer SDK by hand; the model the shapes
// are generated from predates them, so no generated shape uses them. They stay declared as the
// SDK declares them (test/shapes.test.ts checks they still match) until src/index.ts drops them.

/** @deprecated Not in the simulated model: `ContainerInstance.gpuDevices` (newer than it). */
export interface GpuDevice {
  gpuId?: string | undefined;
  sharingMode?: GpuSharingMode | undefined;
  totalMemoryInMiB?: number | undefined;
  remainingMemoryInMiB?: number | undefined;
  containerCount?: number | undefined;
}

/** @deprecated Not in the simulated model: `GpuDevice.sharingMode` (newer than it). */
export type GpuSharingMode = 'DEDICATED' | 'IDLE' | 'NVIDIA_MPS';

/** @deprecated Not in the simulated model: `ClusterConfiguration.managedStorageConfiguration` (newer than it). */
export interface ManagedStorageConfiguration {
  kmsKeyId?: string | undefined;
  fargateEphemeralStorageKmsKeyId?: string | undefined;
}

/** @deprecated Not in the simulated model: `Setting.type` (newer than it). */
export type SettingType = 'aws_managed' | 'user';
