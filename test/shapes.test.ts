// The library's own ECS shapes must stay interchangeable with the AWS SDK's, so a real
// DescribeContainerInstances response can be used as is. Checked by the type checker
// (`tsc --noEmit` in CI); the runtime assertion only keeps vitest counting the file.
import type { ContainerInstance as SdkContainerInstance } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import type { ContainerInstance } from '../src/shapes.js';

describe('ECS shapes', () => {
  it('a ContainerInstance of the SDK is assignable to ours (so SDK responses load as they are)', () => {
    const fromSdk: SdkContainerInstance = {
      containerInstanceArn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/c/1',
      attributes: [{ name: 'stack', value: 'prod' }],
      registeredAt: new Date(0),
      versionInfo: { agentVersion: '1.29.0' },
      registeredResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 2048 }],
    };
    const ours: ContainerInstance = fromSdk;
    expect(ours.attributes?.[0]?.value).toBe('prod');
  });
});
