/**
 * ARNs and ids (reference §4.5). A container instance's ARN format is fixed when it is created:
 * long `container-instance/<cluster>/<32 hex>` or short `container-instance/<uuid>`. Every
 * operation accepts either the id or the full ARN.
 */
import { InvalidParameterException } from '../../errors.js';

export interface ArnContext {
  readonly region: string;
  readonly accountId: string;
}

export function clusterArn(ctx: ArnContext, name: string): string {
  return `arn:aws:ecs:${ctx.region}:${ctx.accountId}:cluster/${name}`;
}

export function containerInstanceArn(ctx: ArnContext, clusterName: string, id: string, long: boolean): string {
  return long
    ? `arn:aws:ecs:${ctx.region}:${ctx.accountId}:container-instance/${clusterName}/${id}`
    : `arn:aws:ecs:${ctx.region}:${ctx.accountId}:container-instance/${id}`;
}

export function rootArn(ctx: ArnContext): string {
  return `arn:aws:iam::${ctx.accountId}:root`;
}

const CLUSTER_ARN = /^arn:aws[a-z-]*:ecs:([a-z0-9-]+):(\d{12}):cluster\/([A-Za-z0-9_-]{1,255})$/;
const CLUSTER_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** The cluster name a `cluster` parameter (short name or full ARN) designates. */
export function clusterNameOf(ctx: ArnContext, cluster: string, field = 'cluster'): string {
  const m = CLUSTER_ARN.exec(cluster);
  if (m) {
    if (m[1] !== ctx.region || m[2] !== ctx.accountId) {
      throw new InvalidParameterException(`${field}: ${cluster} is not a cluster of account ${ctx.accountId} in ${ctx.region}`);
    }
    return m[3]!;
  }
  if (cluster.startsWith('arn:')) throw new InvalidParameterException(`${field}: '${cluster}' is not a valid cluster ARN`);
  if (!CLUSTER_NAME.test(cluster)) {
    throw new InvalidParameterException(`${field}: cluster names have 1 to 255 letters, digits, hyphens and underscores; got '${cluster}'`);
  }
  return cluster;
}

const INSTANCE_ARN = /^arn:aws[a-z-]*:ecs:([a-z0-9-]+):(\d{12}):container-instance\/(?:([A-Za-z0-9_-]{1,255})\/)?([A-Za-z0-9-]{1,64})$/;

/** The id a container-instance reference names (an id, or a long or short ARN), and the cluster a long ARN names. */
export function containerInstanceIdOf(reference: string): { id: string; clusterName: string | null } | null {
  const m = INSTANCE_ARN.exec(reference);
  if (m) return { id: m[4]!, clusterName: m[3] ?? null };
  if (/^[A-Za-z0-9-]{1,64}$/.test(reference)) return { id: reference, clusterName: null };
  return null;
}
