// Every ECS ARN the simulator writes, it reads back to the same parts (one module for both).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attachmentArn,
  clusterArn,
  clusterNameOf,
  containerInstanceArn,
  containerInstanceIdOf,
  isFederatedPrincipal,
  parseAttachmentArn,
  parseContainerInstanceArn,
  parseServiceArn,
  parseTaskArn,
  parseTaskDefinitionArn,
  principalAccountOf,
  serviceArn,
  taskArn,
  taskDefinitionArn,
} from '../../../src/ecs/shared/arns.js';

const region = fc.constantFrom('us-east-1', 'eu-west-3', 'ap-southeast-2');
const accountId = fc.stringMatching(/^\d{12}$/);
const name = fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/);
const id = fc.stringMatching(/^[a-f0-9-]{1,36}$/);

describe('ARNs', () => {
  it('are read back to the parts they were written from (long and short forms)', () => {
    fc.assert(
      fc.property(region, accountId, name, id, fc.boolean(), (r, a, cluster, x, long) => {
        const ctx = { region: r, accountId: a };
        const owner = { region: r, accountId: a };
        expect(clusterNameOf(ctx, clusterArn(ctx, cluster))).toBe(cluster);
        expect(parseContainerInstanceArn(containerInstanceArn(ctx, cluster, x, long))).toEqual({ ...owner, clusterName: long ? cluster : null, id: x });
        expect(parseTaskArn(taskArn(ctx, cluster, x, long))).toEqual({ ...owner, clusterName: long ? cluster : null, id: x });
        expect(parseServiceArn(serviceArn(ctx, cluster, `s${x}`, long))).toEqual({ ...owner, clusterName: long ? cluster : null, serviceName: `s${x}` });
        expect(parseTaskDefinitionArn(taskDefinitionArn(ctx, cluster, 7))).toEqual({ ...owner, family: cluster, revision: '7' });
        expect(parseAttachmentArn(attachmentArn(ctx, x))).toEqual({ ...owner, id: x });
      }),
    );
  });

  it('are read in any partition, and nothing else is taken for one', () => {
    expect(parseTaskArn('arn:aws-cn:ecs:cn-north-1:123456789012:task/c/abc')).toMatchObject({ region: 'cn-north-1', clusterName: 'c', id: 'abc' });
    expect(parseTaskDefinitionArn('arn:aws:ecs:us-east-1:123456789012:task-definition/web')).toMatchObject({ family: 'web', revision: undefined });
    expect(parseTaskArn('arn:aws:ecs:us-east-1:123456789012:service/c/web')).toBeNull();
    expect(parseServiceArn('arn:aws:ecs:us-east-1:12345:service/web')).toBeNull();
    expect(parseAttachmentArn('arn:aws:ecs:us-east-1:123456789012:attachment/')).toBeNull();
    expect(containerInstanceIdOf('0123abcd')).toEqual({ id: '0123abcd', clusterName: null });
    expect(containerInstanceIdOf('not an id!')).toBeNull();
  });

  it('of principals: the account of IAM and STS principals; federated ones told apart', () => {
    expect(principalAccountOf('arn:aws:iam::123456789012:user/path/alice')).toBe('123456789012');
    expect(principalAccountOf('arn:aws:sts::123456789012:assumed-role/ops/session-1')).toBe('123456789012');
    expect(principalAccountOf('arn:aws:iam::123456789012:group/admins')).toBeNull();
    expect(isFederatedPrincipal('arn:aws:sts::123456789012:federated-user/bob')).toBe(true);
    expect(isFederatedPrincipal('arn:aws:iam::123456789012:role/ops')).toBe(false);
  });
});
