/**
 * RegisterContainerInstance (agent-only in ECS; here also how tests and tools add capacity).
 * Reference §3.13, §3.2 (trunking), §4.5 (ARN format fixed at creation).
 */
import { idInAnyCluster, unusedId } from '../shared/ids.js';
import { cut, InvalidParameterException, quote } from '../../errors.js';
import type { Attribute, RegisterContainerInstanceRequest, RegisterContainerInstanceResponse, Resource } from '../../shapes.js';
import { callerOf, effectiveSetting } from '../account-settings/settings.js';
import { checkAttributes, checkAttributeValue, isCustomAttribute, MAX_CUSTOM_ATTRIBUTES } from '../attributes/rules.js';
import { clusterFor } from '../clusters/cluster.js';
import { operation } from '../operation.js';
import { containerInstanceArn } from '../shared/arns.js';
import { checkTags } from '../shared/tags.js';
import { optionalArray, optionalString, requestObject, type Input } from '../shared/validate.js';
import type { CallContext, SimState } from '../state/state.js';
import { resumeAgentUpdate } from './agent.js';
import { checkPlatformDevices, checkResources, checkVersionInfo } from './checks.js';
import { addInstance, describeInstance, findInstance, refreshResources, touch } from './instances.js';
import type { InstanceRecord, PlatformDevice } from './record.js';
import { TRUNK_PROVISIONING_MS, trunkSupported } from './trunking.js';

interface IdentityDocument {
  instanceId?: string;
  instanceType?: string;
  availabilityZone?: string;
  imageId?: string;
  architecture?: string;
  region?: string;
}

/**
 * An EC2 instance id: `i-` and 17 characters (8 before 2016) [EC2 UG "Resource IDs"]; EC2 uses
 * hex digits, the id format allows lowercase letters and digits, and shorter ids are accepted too
 * (test fixtures and planned instances write `i-1`, `i-0plan…`), never more than 17.
 */
const INSTANCE_ID = /^i-[0-9a-z]{1,17}$/;
/** An AWS Region name (`us-east-1`). */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
/** The longest identity document read: a real one is about 500 characters. */
const MAX_IDENTITY_DOCUMENT = 16_384;
/** At most this many attributes per instance, built-in ones included (agents report about 40). */
const MAX_ATTRIBUTES = 100;

function identityDocument(input: Input): IdentityDocument {
  const text = optionalString(input, 'instanceIdentityDocument');
  if (text === undefined || text === '') return {};
  if (text.length > MAX_IDENTITY_DOCUMENT) {
    throw new InvalidParameterException(`instanceIdentityDocument is ${text.length} characters long; an identity document is at most ${MAX_IDENTITY_DOCUMENT}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new InvalidParameterException(`instanceIdentityDocument is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new InvalidParameterException('instanceIdentityDocument must be a JSON object');
  const d = doc as Record<string, unknown>;
  const text_ = (k: string) => (Object.prototype.hasOwnProperty.call(d, k) && typeof d[k] === 'string' ? (d[k] as string) : undefined);
  const out: IdentityDocument = {
    instanceId: text_('instanceId'),
    instanceType: text_('instanceType'),
    availabilityZone: text_('availabilityZone'),
    imageId: text_('imageId'),
    architecture: text_('architecture'),
    region: text_('region'),
  };
  // What is stored of it is bounded: the id (queried by ec2InstanceId) by EC2's form, the rest
  // by the form of the attribute values they become (ecs.instance-type, ...).
  if (out.instanceId !== undefined && !INSTANCE_ID.test(out.instanceId)) {
    throw new InvalidParameterException(`instanceIdentityDocument.instanceId must be an EC2 instance id (i- and up to 17 lowercase letters or digits); got ${quote(out.instanceId)}`);
  }
  if (out.region !== undefined && !REGION.test(out.region)) throw new InvalidParameterException(`instanceIdentityDocument.region must be a Region name; got ${quote(out.region)}`);
  for (const k of ['instanceType', 'availabilityZone', 'imageId', 'architecture'] as const) {
    if (out[k] !== undefined) checkAttributeValue(out[k], `instanceIdentityDocument.${k}`);
  }
  return out;
}

function totalResources(input: Input): Resource[] {
  return checkResources(optionalArray(input, 'totalResources') ?? [], 'totalResources');
}

function platformDevices(input: Input): PlatformDevice[] {
  return checkPlatformDevices(optionalArray(input, 'platformDevices') ?? [], 'platformDevices');
}

function versionInfo(input: Input): InstanceRecord['versionInfo'] {
  return checkVersionInfo(input['versionInfo'], 'versionInfo');
}

/** The built-in attributes an agent reports, derived from the identity document. */
function builtInAttributes(doc: IdentityDocument): Attribute[] {
  const out: Attribute[] = [];
  if (doc.imageId) out.push({ name: 'ecs.ami-id', value: doc.imageId });
  if (doc.availabilityZone) out.push({ name: 'ecs.availability-zone', value: doc.availabilityZone });
  if (doc.instanceType) out.push({ name: 'ecs.instance-type', value: doc.instanceType });
  out.push({ name: 'ecs.os-type', value: 'linux' });
  if (doc.architecture) out.push({ name: 'ecs.cpu-architecture', value: doc.architecture === 'aarch64' ? 'arm64' : doc.architecture });
  return out;
}

/** Built-ins first, then the request's attributes (a request attribute replaces a built-in of the same name). */
function mergeAttributes(builtIn: Attribute[], requested: Attribute[]): Attribute[] {
  const names = new Set(requested.map((a) => a.name));
  return [...builtIn.filter((a) => !names.has(a.name)), ...requested];
}

/**
 * @example sim.registerContainerInstance({ cluster: 'prod', totalResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 2048 }, { name: 'MEMORY', type: 'INTEGER', integerValue: 7680 }] })
 */
export const registerContainerInstance = operation({ name: 'RegisterContainerInstance', mutates: true, handler });

function handler(state: SimState, request: RegisterContainerInstanceRequest, call: CallContext | undefined): RegisterContainerInstanceResponse {
  const input = requestObject(request, 'RegisterContainerInstance');
  const cluster = clusterFor(state, input);
  const doc = identityDocument(input);
  optionalString(input, 'instanceIdentityDocumentSignature');
  const resources = totalResources(input);
  const version = versionInfo(input);
  const requested = checkAttributes(optionalArray(input, 'attributes', MAX_ATTRIBUTES) ?? [], 'attributes');
  const custom = requested.filter((a) => isCustomAttribute(a.name!)).length;
  if (custom > MAX_CUSTOM_ATTRIBUTES) {
    throw new InvalidParameterException(`attributes: at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes per container instance; got ${custom}`);
  }
  const devices = platformDevices(input);
  const tags = checkTags(optionalArray(input, 'tags') ?? [], 'tags');
  const reference = optionalString(input, 'containerInstanceArn');

  if (reference !== undefined) {
    // Re-registration (an agent restart): versions are refreshed, resources and devices too
    // unless tasks hold resources on the instance (refreshResources);
    // attributes from ECS_INSTANCE_ATTRIBUTES only apply at first registration.
    const record = findInstance(cluster, reference);
    if (record === null) throw new InvalidParameterException(`containerInstanceArn: ${cut(reference)} is not a container instance of cluster ${cluster.name}`);
    if (record.status === 'INACTIVE') throw new InvalidParameterException(`containerInstanceArn: ${cut(reference)} is deregistered (INACTIVE) and cannot register again`);
    const wasConnected = record.agentConnected;
    record.versionInfo = version;
    record.agentConnected = true;
    cluster.store.setAgentConnected(record.arn, true);
    cluster.store.setAgentVersion(record.arn, version.agentVersion);
    refreshResources(cluster, record, resources, devices);
    touch(record);
    // A reconnecting agent picks up an update a disconnect paused (reference §3.11).
    if (!wasConnected) resumeAgentUpdate(state, cluster, record);
    return { containerInstance: describeInstance(cluster, record, false) };
  }

  const caller = callerOf(state, call);
  const long = effectiveSetting(state, caller, 'containerInstanceLongArnFormat').value === 'enabled';
  if (tags.length > 0 && !long) throw new InvalidParameterException('Long arn format must be used for tagging operations');
  const attributes = mergeAttributes(builtInAttributes(doc), requested);
  const instanceType = doc.instanceType ?? attributes.find((a) => a.name === 'ecs.instance-type')?.value;
  const trunked = effectiveSetting(state, caller, 'awsvpcTrunking').value === 'enabled' && trunkSupported(instanceType, version.agentVersion);

  // (a short ARN does not name the cluster: its id must be free in every cluster)
  const id = unusedId(() => (long ? state.random.hex(32) : state.random.uuid()), (id) => idInAnyCluster(state.clusters, 'arnById', id));
  const arn = containerInstanceArn(state.ctx, cluster.name, id, long);
  const record: InstanceRecord = {
    arn,
    id,
    clusterName: cluster.name,
    ec2InstanceId: doc.instanceId,
    registeredResources: resources,
    versionInfo: version,
    status: trunked ? 'REGISTERING' : 'ACTIVE',
    statusReason: undefined,
    agentConnected: true,
    agentUpdateStatus: undefined,
    registeredAt: state.clock.now,
    version: 1,
    attributes,
    attachments: [],
    tags,
    runningTasksCount: 0,
    pendingTasksCount: 0,
    platformDevices: devices,
    instanceType,
    trunked,
  };
  if (trunked) {
    record.attachments.push({ id: state.random.uuid(), type: 'ElasticNetworkInterface', status: 'PRECREATED', details: [] });
    state.clock.schedule(TRUNK_PROVISIONING_MS, 'trunk-provisioned', { cluster: cluster.name, arn });
  }
  addInstance(cluster, record);
  state.events.emit({ kind: 'container-instance-state-change', cluster: cluster.name, containerInstanceArn: arn, status: record.status, previousStatus: undefined });
  return { containerInstance: describeInstance(cluster, record, false) };
}
