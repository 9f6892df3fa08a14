// Every operation, given bad input, throws an EcsError named as ECS names it and leaves the
// whole state exactly as it was (compared through snapshot()).
import { describe, expect, it } from 'vitest';
import { EcsError } from '../../src/errors.js';
import type { EcsSimulator } from '../../src/ecs/simulator.js';
import { register, simWithCluster } from './fixtures.js';

type Case = [operation: string, call: (sim: EcsSimulator, arn: string) => unknown, errorName: string];

const cases: Case[] = [
  ['createCluster', (s) => s.createCluster({ clusterName: 'bad name' }), 'InvalidParameterException'],
  ['listClusters', (s) => s.listClusters({ maxResults: 0 }), 'InvalidParameterException'],
  ['describeClusters', (s) => s.describeClusters({ clusters: 'c' as unknown as string[] }), 'SerializationException'],
  ['registerContainerInstance', (s) => s.registerContainerInstance({ cluster: 'c', attributes: [{ name: 'x y' }] }), 'InvalidParameterException'],
  ['registerContainerInstance (unknown cluster)', (s) => s.registerContainerInstance({ cluster: 'zz' }), 'ClusterNotFoundException'],
  ['listContainerInstances', (s) => s.listContainerInstances({ cluster: 'c', filter: 'attribute:a ==' }), 'InvalidParameterException'],
  ['describeContainerInstances', (s) => s.describeContainerInstances({ cluster: 'c', containerInstances: [] }), 'InvalidParameterException'],
  ['updateContainerInstancesState', (s, arn) => s.updateContainerInstancesState({ cluster: 'c', containerInstances: [arn], status: 'INACTIVE' } as never), 'InvalidParameterException'],
  ['updateContainerInstancesState (mixed good and bad ids)', (s, arn) => s.updateContainerInstancesState({ cluster: 'c', containerInstances: [arn, 'bad id!'], status: 'DRAINING' }), 'InvalidParameterException'],
  ['deregisterContainerInstance', (s) => s.deregisterContainerInstance({ cluster: 'c', containerInstance: '0123456789abcdef0123456789abcdef' }), 'ClientException'],
  ['updateContainerAgent', (s, arn) => s.updateContainerAgent({ cluster: 'c', containerInstance: arn }), 'NoUpdateAvailableException'],
  ['submitAttachmentStateChanges', (s) => s.submitAttachmentStateChanges({ cluster: 'c', attachments: [{ attachmentArn: 'arn:aws:ecs:us-east-1:123456789012:attachment/x', status: 'ATTACHED' }] }), 'InvalidParameterException'],
  ['putAttributes', (s, arn) => s.putAttributes({ cluster: 'c', attributes: [{ name: 'ok', value: 'v', targetId: arn }, { name: 'bad name', targetId: arn }] }), 'InvalidParameterException'],
  ['deleteAttributes', (s) => s.deleteAttributes({ cluster: 'c', attributes: [{ name: 'stack', targetId: 'arn:aws:ecs:us-east-1:123456789012:container-instance/c/0123456789abcdef0123456789abcdef' }] }), 'TargetNotFoundException'],
  ['listAttributes', (s) => s.listAttributes({ cluster: 'c', targetType: 'container-instance', attributeValue: 'x' }), 'InvalidParameterException'],
  ['putAccountSetting', (s) => s.putAccountSetting({ name: 'awsvpcTrunking', value: 'on' }), 'InvalidParameterException'],
  ['putAccountSettingDefault', (s) => s.putAccountSettingDefault({ name: 'nope', value: 'enabled' } as never), 'InvalidParameterException'],
  ['deleteAccountSetting', (s) => s.deleteAccountSetting({ name: 'awsvpcTrunking' }), 'InvalidParameterException'],
  ['listAccountSettings', (s) => s.listAccountSettings({ maxResults: 11 }), 'InvalidParameterException'],
  ['advance', (s) => s.advance(-1), 'InvalidParameterException'],
];

describe('a rejected call changes nothing', () => {
  for (const [operation, call, errorName] of cases) {
    it(`${operation} → ${errorName}, state unchanged`, () => {
      const sim = simWithCluster();
      const arn = register(sim, 1, { attributes: [{ name: 'stack', value: 'prod' }] });
      sim.putAccountSetting({ name: 'taskLongArnFormat', value: 'enabled' });
      const before = sim.snapshot();
      let thrown: unknown;
      try {
        call(sim, arn);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(EcsError);
      expect((thrown as Error).name).toBe(errorName);
      expect((thrown as Error).message.length).toBeGreaterThan(10);
      expect(sim.snapshot()).toEqual(before);
    });
  }
});
