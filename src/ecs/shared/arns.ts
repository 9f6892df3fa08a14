/**
 * ARNs and ids (reference §4.5), every format in one place: how the simulator writes each ECS
 * ARN, and how it reads one back. A container instance's, task's or service's ARN format is fixed
 * when it is created: long (`container-instance/<cluster>/<32 hex>`) or short
 * (`container-instance/<uuid>`). Every operation accepts either the id or the full ARN.
 */
import { cut, InvalidParameterException } from '../../errors.js';

export interface ArnContext {
  readonly region: string;
  readonly accountId: string;
}

/** Region and account of an ECS ARN (every parser below answers at least these). */
export interface ArnOwner {
  readonly region: string;
  readonly accountId: string;
}

// Any partition (aws, aws-cn, aws-us-gov); region and account are the first two groups.
const ECS = String.raw`^arn:aws[a-z-]*:ecs:([a-z0-9-]+):(\d{12}):`;
const NAME = '[A-Za-z0-9_-]{1,255}';
const ID = '[A-Za-z0-9-]{1,64}';
const CLUSTER_ARN = new RegExp(`${ECS}cluster/(${NAME})$`);
const INSTANCE_ARN = new RegExp(`${ECS}container-instance/(?:(${NAME})/)?(${ID})$`);
const TASK_ARN = new RegExp(`${ECS}task/(?:(${NAME})/)?(${ID})$`);
const SERVICE_ARN = new RegExp(`${ECS}service/(?:(${NAME})/)?(${NAME})$`);
const TASK_DEFINITION_ARN = new RegExp(`${ECS}task-definition/(${NAME})(?::(\\d+))?$`);
const ATTACHMENT_ARN = new RegExp(`${ECS}attachment/(${ID})$`);
const TASK_SET_ID = 'ecs-svc/\\d{19}';
const TASK_SET_ID_ONLY = new RegExp(`^${TASK_SET_ID}$`);
const TASK_SET_ARN = new RegExp(`${ECS}task-set/(${NAME})/(${NAME})/(${TASK_SET_ID})$`);
/** Any ECS ARN: its region, account, resource type and the rest. */
const ECS_RESOURCE = new RegExp(`${ECS}([a-z-]+)/(.+)$`);
const CLUSTER_NAME = new RegExp(`^${NAME}$`);
const RESOURCE_ID = new RegExp(`^${ID}$`);

const prefix = (ctx: ArnContext) => `arn:aws:ecs:${ctx.region}:${ctx.accountId}:`;

/** @example clusterArn(ctx, 'prod') // 'arn:aws:ecs:us-east-1:123456789012:cluster/prod' */
export function clusterArn(ctx: ArnContext, name: string): string {
  return `${prefix(ctx)}cluster/${name}`;
}

/** @example containerInstanceArn(ctx, 'prod', id, true) // '...:container-instance/prod/<id>' */
export function containerInstanceArn(ctx: ArnContext, clusterName: string, id: string, long: boolean): string {
  return long ? `${prefix(ctx)}container-instance/${clusterName}/${id}` : `${prefix(ctx)}container-instance/${id}`;
}

/** @example taskArn(ctx, 'prod', id, true) // '...:task/prod/<id>' */
export function taskArn(ctx: ArnContext, clusterName: string, id: string, long: boolean): string {
  return long ? `${prefix(ctx)}task/${clusterName}/${id}` : `${prefix(ctx)}task/${id}`;
}

/** @example serviceArn(ctx, 'prod', 'web', true) // '...:service/prod/web' */
export function serviceArn(ctx: ArnContext, clusterName: string, name: string, long: boolean): string {
  return long ? `${prefix(ctx)}service/${clusterName}/${name}` : `${prefix(ctx)}service/${name}`;
}

/** @example taskDefinitionArn(ctx, 'web', 3) // '...:task-definition/web:3' */
export function taskDefinitionArn(ctx: ArnContext, family: string, revision: number): string {
  return `${prefix(ctx)}task-definition/${family}:${revision}`;
}

/** A container's ARN, derived from its task's id and its name (so it is stable). */
export function containerArn(ctx: ArnContext, clusterName: string, taskId: string, name: string): string {
  return `${prefix(ctx)}container/${clusterName}/${taskId}/${name}`;
}

/** The ARN of a container-instance attachment with this id. */
export function attachmentArn(ctx: ArnContext, id: string): string {
  return `${prefix(ctx)}attachment/${id}`;
}

/**
 * A task set's ARN: `task-set/<cluster>/<service>/<id>`, the id `ecs-svc/` and 19 digits.
 * @example taskSetArn(ctx, 'prod', 'web', 'ecs-svc/1234567890123456789') // '...:task-set/prod/web/ecs-svc/1234567890123456789'
 */
export function taskSetArn(ctx: ArnContext, clusterName: string, serviceName: string, id: string): string {
  return `${prefix(ctx)}task-set/${clusterName}/${serviceName}/${id}`;
}

/** The account root user's ARN (whose account settings are the account defaults). */
export function rootArn(ctx: ArnContext): string {
  return `arn:aws:iam::${ctx.accountId}:root`;
}

/** The cluster name a `cluster` parameter (short name or full ARN) designates. */
export function clusterNameOf(ctx: ArnContext, cluster: string, field = 'cluster'): string {
  const m = CLUSTER_ARN.exec(cluster);
  if (m) {
    if (m[1] !== ctx.region || m[2] !== ctx.accountId) {
      throw new InvalidParameterException(`${field}: ${cut(cluster)} is not a cluster of account ${ctx.accountId} in ${ctx.region}`);
    }
    return m[3]!;
  }
  if (cluster.startsWith('arn:')) throw new InvalidParameterException(`${field}: '${cut(cluster)}' is not a valid cluster ARN`);
  if (!CLUSTER_NAME.test(cluster)) {
    throw new InvalidParameterException(`${field}: cluster names have 1 to 255 letters, digits, hyphens and underscores; got '${cut(cluster)}'`);
  }
  return cluster;
}

/** A container instance ARN's parts: the cluster only in a long ARN. */
export function parseContainerInstanceArn(arn: string): (ArnOwner & { clusterName: string | null; id: string }) | null {
  const m = INSTANCE_ARN.exec(arn);
  return m ? { region: m[1]!, accountId: m[2]!, clusterName: m[3] ?? null, id: m[4]! } : null;
}

/** The id a container-instance reference names (an id, or a long or short ARN), and the cluster a long ARN names. */
export function containerInstanceIdOf(reference: string): { id: string; clusterName: string | null } | null {
  const parsed = parseContainerInstanceArn(reference);
  if (parsed) return { id: parsed.id, clusterName: parsed.clusterName };
  if (RESOURCE_ID.test(reference)) return { id: reference, clusterName: null };
  return null;
}

/** Whether a task reference is a task id (rather than an ARN). */
export function isResourceId(reference: string): boolean {
  return RESOURCE_ID.test(reference);
}

/** A task ARN's parts: the cluster only in a long ARN. */
export function parseTaskArn(arn: string): (ArnOwner & { clusterName: string | null; id: string }) | null {
  const m = TASK_ARN.exec(arn);
  return m ? { region: m[1]!, accountId: m[2]!, clusterName: m[3] ?? null, id: m[4]! } : null;
}

/** A service ARN's parts: the cluster only in a long ARN. */
export function parseServiceArn(arn: string): (ArnOwner & { clusterName: string | null; serviceName: string }) | null {
  const m = SERVICE_ARN.exec(arn);
  return m ? { region: m[1]!, accountId: m[2]!, clusterName: m[3] ?? null, serviceName: m[4]! } : null;
}

/** A task definition ARN's parts; `revision` is the digits as written, absent in an ARN without one. */
export function parseTaskDefinitionArn(arn: string): (ArnOwner & { family: string; revision: string | undefined }) | null {
  const m = TASK_DEFINITION_ARN.exec(arn);
  return m ? { region: m[1]!, accountId: m[2]!, family: m[3]!, revision: m[4] } : null;
}

/** A task set ARN's parts. */
export function parseTaskSetArn(arn: string): (ArnOwner & { clusterName: string; serviceName: string; id: string }) | null {
  const m = TASK_SET_ARN.exec(arn);
  return m ? { region: m[1]!, accountId: m[2]!, clusterName: m[3]!, serviceName: m[4]!, id: m[5]! } : null;
}

/** Whether a task-set reference is a task set id (`ecs-svc/` and 19 digits) rather than an ARN. */
export function isTaskSetId(reference: string): boolean {
  return TASK_SET_ID_ONLY.test(reference);
}

/** A cluster ARN's parts. */
export function parseClusterArn(arn: string): (ArnOwner & { clusterName: string }) | null {
  const m = CLUSTER_ARN.exec(arn);
  return m ? { region: m[1]!, accountId: m[2]!, clusterName: m[3]! } : null;
}

/**
 * Any ECS ARN's region, account and resource type (`cluster`, `task`, `task-set`, ...), or null.
 * @example ecsResourceOf('arn:aws:ecs:us-east-1:123456789012:cluster/prod') // { region: 'us-east-1', accountId: '123456789012', resourceType: 'cluster' }
 */
export function ecsResourceOf(arn: string): (ArnOwner & { resourceType: string }) | null {
  const m = ECS_RESOURCE.exec(arn);
  return m ? { region: m[1]!, accountId: m[2]!, resourceType: m[3]! } : null;
}

/** An attachment ARN's parts. */
export function parseAttachmentArn(arn: string): (ArnOwner & { id: string }) | null {
  const m = ATTACHMENT_ARN.exec(arn);
  return m ? { region: m[1]!, accountId: m[2]!, id: m[3]! } : null;
}

// IAM names: letters, digits and `+=,.@_-`; paths: `/` or `/segment/.../` of printable ASCII.
const IAM_RESOURCE = /^(?:root|(?:user|role)\/(?:[\x21-\x2e\x30-\x7e]+\/)*[\w+=,.@-]{1,64})$/;
const STS_RESOURCE = /^(?:assumed-role\/[\w+=,.@-]{1,64}\/[\w+=,.@-]{2,64}|federated-user\/[\w+=,.@-]{2,32})$/;
const PRINCIPAL_ARN = /^arn:aws:(iam|sts)::(\d{12}):(.+)$/;
const FEDERATED_PRINCIPAL = /:sts::\d{12}:(assumed-role|federated-user)\//;

/**
 * The account of a principal ARN (an IAM user, role or root user, an STS assumed-role session or
 * federated user), or null if the text is not one.
 * @example principalAccountOf('arn:aws:iam::123456789012:user/alice') // '123456789012'
 */
export function principalAccountOf(arn: string): string | null {
  const m = PRINCIPAL_ARN.exec(arn);
  if (m === null) return null;
  return (m[1] === 'iam' ? IAM_RESOURCE : STS_RESOURCE).test(m[3]!) ? m[2]! : null;
}

/** Whether a principal ARN is an STS assumed-role session or federated user. */
export function isFederatedPrincipal(arn: string): boolean {
  return FEDERATED_PRINCIPAL.test(arn);
}
