import type { SubmitAttachmentStateChangesCommandOutput } from '@aws-sdk/client-ecs';
import { expectRejected, BAD_INPUT } from '../fixtures.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { attachmentArn } from '../../../src/ecs/shared/arns.js';
import { TRUNK_PROVISIONING_MS, TRUNK_RELEASE_MS } from '../../../src/ecs/container-instances/trunking.js';
import type { ContainerInstance } from '../../../src/shapes.js';

// What the simulator answers (the SDK-mirrored responses of src/shapes.ts).
type SubmitAttachmentStateChangesOutput = ReturnType<EcsSimulator['submitAttachmentStateChanges']>;

const RESOURCES = [
  { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
  { name: 'MEMORY', type: 'INTEGER', integerValue: 3705 },
];
const STATUSES_2019 = ['PRECREATED', 'CREATED', 'ATTACHING', 'ATTACHED', 'DETACHING', 'DETACHED', 'DELETED'];

function setup() {
  const sim = new EcsSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'c' });
  sim.state.settings.set(sim.rootArn, new Map([['awsvpcTrunking', 'enabled']]));
  return sim;
}

/** A trunked c5.large (agent 1.28.1), ACTIVE with its trunk ENI attached after TRUNK_PROVISIONING_MS. */
function registerTrunked(sim: EcsSimulator, instanceId = 'i-1', cluster = 'c'): ContainerInstance {
  return sim.registerContainerInstance({
    cluster,
    instanceIdentityDocument: JSON.stringify({ instanceId, instanceType: 'c5.large', availabilityZone: 'us-east-1a', imageId: 'ami-1' }),
    totalResources: RESOURCES,
    versionInfo: { agentVersion: '1.28.1' },
  }).containerInstance!;
}

function describeOne(sim: EcsSimulator, arn: string, cluster = 'c'): ContainerInstance {
  return sim.describeContainerInstances({ cluster, containerInstances: [arn] }).containerInstances![0]!;
}

/** The ARN of the (only) attachment of an instance. */
function trunkAttachmentArn(sim: EcsSimulator, arn: string, cluster = 'c'): string {
  return attachmentArn(sim.state.ctx, describeOne(sim, arn, cluster).attachments![0]!.id!);
}

/** `cluster` null: the request names no cluster. */
function submit(sim: EcsSimulator, attachments: unknown, cluster: string | null = 'c') {
  return sim.submitAttachmentStateChanges((cluster === null ? { attachments } : { cluster, attachments }) as never);
}


describe('SubmitAttachmentStateChanges', () => {
  it('builds attachment ARNs as arn:aws:ecs:<region>:<account>:attachment/<id>', () => {
    const sim = setup();
    expect(attachmentArn(sim.state.ctx, 'a1b2')).toBe('arn:aws:ecs:us-east-1:123456789012:attachment/a1b2');
  });

  it('sets the status of the attachment the ARN names, bumps the instance version, and answers ACK', () => {
    const sim = setup();
    const arn = registerTrunked(sim).containerInstanceArn!;
    sim.advance(TRUNK_PROVISIONING_MS);
    const before = describeOne(sim, arn);
    expect(before.attachments![0]!.status).toBe('ATTACHED');
    const out = submit(sim, [{ attachmentArn: trunkAttachmentArn(sim, arn), status: 'DETACHED' }]);
    expect(out).toEqual({ acknowledgment: 'ACK' });
    const after = describeOne(sim, arn);
    expect(after.attachments![0]!.status).toBe('DETACHED');
    expect(after.attachments![0]!.details).toEqual(before.attachments![0]!.details);
    expect(after.version).toBe(before.version! + 1);
    // Only the attachment changes: the instance status is the trunk lifecycle's.
    expect(after.status).toBe('ACTIVE');
  });

  it('accepts every 2019 attachment status', () => {
    const sim = setup();
    const arn = registerTrunked(sim).containerInstanceArn!;
    const attachment = trunkAttachmentArn(sim, arn);
    for (const status of STATUSES_2019) {
      submit(sim, [{ attachmentArn: attachment, status }]);
      expect(describeOne(sim, arn).attachments![0]!.status).toBe(status);
    }
  });

  it('updates attachments of several instances in one call, each instance bumped once', () => {
    const sim = setup();
    const a = registerTrunked(sim, 'i-1').containerInstanceArn!;
    const b = registerTrunked(sim, 'i-2').containerInstanceArn!;
    const [va, vb] = [describeOne(sim, a).version!, describeOne(sim, b).version!];
    submit(sim, [
      { attachmentArn: trunkAttachmentArn(sim, a), status: 'ATTACHING' },
      { attachmentArn: trunkAttachmentArn(sim, b), status: 'ATTACHED' },
    ]);
    expect(describeOne(sim, a).attachments![0]!.status).toBe('ATTACHING');
    expect(describeOne(sim, b).attachments![0]!.status).toBe('ATTACHED');
    expect([describeOne(sim, a).version, describeOne(sim, b).version]).toEqual([va + 1, vb + 1]);
  });

  it('applies a repeated ARN in order (the last status wins) and bumps the version only for a net change', () => {
    const sim = setup();
    const arn = registerTrunked(sim).containerInstanceArn!;
    const attachment = trunkAttachmentArn(sim, arn);
    const v = describeOne(sim, arn).version!;
    submit(sim, [
      { attachmentArn: attachment, status: 'ATTACHING' },
      { attachmentArn: attachment, status: 'ATTACHED' },
    ]);
    expect(describeOne(sim, arn).attachments![0]!.status).toBe('ATTACHED');
    expect(describeOne(sim, arn).version).toBe(v + 1);
    submit(sim, [
      { attachmentArn: attachment, status: 'DETACHING' },
      { attachmentArn: attachment, status: 'ATTACHED' },
    ]);
    expect(describeOne(sim, arn).version).toBe(v + 1);
  });

  it('acknowledges the current status without a version bump', () => {
    const sim = setup();
    const arn = registerTrunked(sim).containerInstanceArn!;
    const before = describeOne(sim, arn);
    expect(submit(sim, [{ attachmentArn: trunkAttachmentArn(sim, arn), status: 'PRECREATED' }])).toEqual({ acknowledgment: 'ACK' });
    expect(describeOne(sim, arn)).toEqual(before);
  });

  it('uses the default cluster when none is given, and accepts the cluster ARN', () => {
    const sim = setup();
    sim.createCluster({});
    const arn = registerTrunked(sim, 'i-1', 'default').containerInstanceArn!;
    const attachment = trunkAttachmentArn(sim, arn, 'default');
    submit(sim, [{ attachmentArn: attachment, status: 'CREATED' }], null);
    expect(describeOne(sim, arn, 'default').attachments![0]!.status).toBe('CREATED');
    submit(sim, [{ attachmentArn: attachment, status: 'ATTACHING' }], 'arn:aws:ecs:us-east-1:123456789012:cluster/default');
    expect(describeOne(sim, arn, 'default').attachments![0]!.status).toBe('ATTACHING');
  });

  describe('errors (all-or-nothing)', () => {
    it('rejects an unknown attachment ARN with InvalidParameterException naming it, applying none of the entries', () => {
      const sim = setup();
      const arn = registerTrunked(sim).containerInstanceArn!;
      const unknown = attachmentArn(sim.state.ctx, '00000000-0000-4000-8000-000000000000');
      expectRejected(sim, () => submit(sim, [{ attachmentArn: trunkAttachmentArn(sim, arn), status: 'ATTACHED' }, { attachmentArn: unknown, status: 'ATTACHED' }]),
        'InvalidParameterException',
        new RegExp(`attachments\\[1\\].*${unknown.replace(/[/.]/g, '\\$&')}`),
      );
    });

    it('rejects an ARN of another region or account, or an attachment in another cluster', () => {
      const sim = setup();
      sim.createCluster({ clusterName: 'other' });
      const arn = registerTrunked(sim).containerInstanceArn!;
      const elsewhere = registerTrunked(sim, 'i-2', 'other').containerInstanceArn!;
      const id = describeOne(sim, arn).attachments![0]!.id!;
      for (const attachment of [
        `arn:aws:ecs:eu-west-1:123456789012:attachment/${id}`,
        `arn:aws:ecs:us-east-1:210987654321:attachment/${id}`,
        trunkAttachmentArn(sim, elsewhere, 'other'),
      ]) {
        expectRejected(sim, () => submit(sim, [{ attachmentArn: attachment, status: 'DETACHED' }]), 'InvalidParameterException', /no attachment/);
      }
      expect(describeOne(sim, elsewhere, 'other').attachments![0]!.status).toBe('PRECREATED');
    });

    it('rejects the attachments of an INACTIVE instance as unknown', () => {
      const sim = setup();
      const arn = registerTrunked(sim).containerInstanceArn!;
      sim.advance(TRUNK_PROVISIONING_MS);
      sim.deregisterContainerInstance({ cluster: 'c', containerInstance: arn });
      sim.advance(TRUNK_RELEASE_MS);
      expect(describeOne(sim, arn).status).toBe('INACTIVE');
      expectRejected(sim, () => submit(sim, [{ attachmentArn: trunkAttachmentArn(sim, arn), status: 'ATTACHED' }]), 'InvalidParameterException', /no attachment/);
    });

    it('rejects a malformed attachment ARN', () => {
      const sim = setup();
      const arn = registerTrunked(sim).containerInstanceArn!;
      const id = describeOne(sim, arn).attachments![0]!.id!;
      for (const attachment of [id, `arn:aws:ecs:us-east-1:123456789012:task/${id}`, 'arn:aws:ecs:us-east-1:123456789012:attachment/', 'nonsense']) {
        expectRejected(sim, () => submit(sim, [{ attachmentArn: attachment, status: 'ATTACHED' }]), 'InvalidParameterException', /not an attachment ARN/);
      }
    });

    it('rejects a status outside the 2019 list (FAILED came later), whatever the case', () => {
      const sim = setup();
      const arn = registerTrunked(sim).containerInstanceArn!;
      const attachment = trunkAttachmentArn(sim, arn);
      for (const status of ['FAILED', 'attached', 'bogus']) {
        expectRejected(sim, () => submit(sim, [{ attachmentArn: attachment, status }]), 'InvalidParameterException', /status must be one of/);
      }
    });

    it('requires attachments (a non-empty list of objects) and both members of each', () => {
      const sim = setup();
      const arn = registerTrunked(sim).containerInstanceArn!;
      const attachment = trunkAttachmentArn(sim, arn);
      const bad: unknown[] = [
        undefined,
        [],
        'x',
        [null],
        ['x'],
        [{ status: 'ATTACHED' }],
        [{ attachmentArn: attachment }],
        [{ attachmentArn: attachment, status: '' }],
        [{ attachmentArn: 7, status: 'ATTACHED' }],
        [{ attachmentArn: attachment, status: 1 }],
      ];
      for (const attachments of bad) {
        expectRejected(sim, () => submit(sim, attachments), BAD_INPUT);
      }
    });

    it('answers ClientException (the model lists no ClusterNotFoundException for it) for an unknown cluster', () => {
      const sim = setup();
      const arn = registerTrunked(sim).containerInstanceArn!;
      expectRejected(sim, () => submit(sim, [{ attachmentArn: trunkAttachmentArn(sim, arn), status: 'ATTACHED' }], 'nope'), 'ClientException', /Cluster not found/);
    });
  });

  it('has the response type of the SDK (minus $metadata), with every member present', () => {
    type Sdk = Omit<SubmitAttachmentStateChangesCommandOutput, '$metadata'>;
    expectTypeOf<keyof SubmitAttachmentStateChangesOutput>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<SubmitAttachmentStateChangesOutput>().toExtend<Sdk>();
    expectTypeOf<Required<Sdk>>().toExtend<SubmitAttachmentStateChangesOutput>();
    const sim = setup();
    const arn = registerTrunked(sim).containerInstanceArn!;
    const out: Sdk = submit(sim, [{ attachmentArn: trunkAttachmentArn(sim, arn), status: 'ATTACHED' }]);
    expect(out).toEqual({ acknowledgment: 'ACK' });
  });
});
