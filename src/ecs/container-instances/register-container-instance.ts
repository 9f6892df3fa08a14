/**
 * RegisterContainerInstance (agent-only in ECS; here also how tests and tools add capacity).
 * Reference §3.13, §3.2 (trunking), §4.5 (ARN format fixed at creation).
 */
import { InvalidParameterException } from '../../errors.js';
import type { Attribute, ContainerInstance, Resource } from '../../shapes.js';
import { containerInstanceArn } from '../shared/arns.js';
import { checkAttributes, checkTags, isCustomAttribute, MAX_CUSTOM_ATTRIBUTES } from '../attributes/rules.js';
import { clusterFor } from '../clusters/cluster.js';
import { resumeAgentUpdate } from './agent.js';
import { scheduleReconcile } from '../services/scheduler.js';
import { addInstance, describeInstance, findInstance, refreshResources, touch } from './instances.js';
import { callerOf, effectiveSetting } from '../account-settings/settings.js';
import type { CallContext, InstanceRecord, PlatformDevice, SimState } from '../state/state.js';
import { TRUNK_PROVISIONING_MS, trunkSupported } from './trunking.js';
import { objectAt, optionalArray, optionalString, requestObject, type Input } from '../shared/validate.js';

const RESOURCE_TYPES = ['INTEGER', 'DOUBLE', 'LONG', 'STRINGSET'];

interface IdentityDocument {
  instanceId?: string;
  instanceType?: string;
  availabilityZone?: string;
  imageId?: string;
  architecture?: string;
  region?: string;
}

function identityDocument(input: Input): IdentityDocument {
  const text = optionalString(input, 'instanceIdentityDocument');
  if (text === undefined || text === '') return {};
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new InvalidParameterException(`instanceIdentityDocument is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new InvalidParameterException('instanceIdentityDocument must be a JSON object');
  const d = doc as Record<string, unknown>;
  const text_ = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : undefined);
  return {
    instanceId: text_('instanceId'),
    instanceType: text_('instanceType'),
    availabilityZone: text_('availabilityZone'),
    imageId: text_('imageId'),
    architecture: text_('architecture'),
    region: text_('region'),
  };
}

function totalResources(input: Input): Resource[] {
  return checkResources(optionalArray(input, 'totalResources') ?? [], 'totalResources');
}

/** A checked Resource list (`where` names it in messages): names unique, types and values valid. */
export function checkResources(items: unknown[], where: string): Resource[] {
  const names = new Set<string>();
  return items.map((_, i) => {
    const r = objectAt(items, i, where);
    const name = r['name'];
    const type = r['type'] ?? 'INTEGER';
    if (typeof name !== 'string' || name === '') throw new InvalidParameterException(`${where}[${i}].name is required`);
    if (names.has(name)) throw new InvalidParameterException(`${where}: resource '${name}' appears twice`);
    names.add(name);
    if (typeof type !== 'string' || !RESOURCE_TYPES.includes(type)) {
      throw new InvalidParameterException(`${where}[${i}].type must be one of ${RESOURCE_TYPES.join(', ')}`);
    }
    for (const k of ['doubleValue', 'longValue', 'integerValue']) {
      if (r[k] !== undefined && r[k] !== null && (typeof r[k] !== 'number' || !Number.isFinite(r[k]))) {
        throw new InvalidParameterException(`${where}[${i}].${k} must be a number`);
      }
    }
    if (type === 'INTEGER' && typeof r['integerValue'] === 'number' && (!Number.isInteger(r['integerValue']) || (r['integerValue'] as number) < 0)) {
      throw new InvalidParameterException(`${where}[${i}].integerValue must be a non-negative integer`);
    }
    const set = r['stringSetValue'];
    if (set !== undefined && set !== null && (!Array.isArray(set) || set.some((v) => typeof v !== 'string'))) {
      throw new InvalidParameterException(`${where}[${i}].stringSetValue must be a list of strings`);
    }
    const out: Resource = { name, type };
    if (typeof r['doubleValue'] === 'number') out.doubleValue = r['doubleValue'];
    if (typeof r['longValue'] === 'number') out.longValue = r['longValue'];
    if (typeof r['integerValue'] === 'number') out.integerValue = r['integerValue'];
    if (type === 'STRINGSET') out.stringSetValue = [...((set as string[] | undefined) ?? [])];
    return out;
  });
}

function platformDevices(input: Input): PlatformDevice[] {
  return checkPlatformDevices(optionalArray(input, 'platformDevices') ?? [], 'platformDevices');
}

/** Checked `platformDevices`: GPUs with unique, non-empty ids. */
export function checkPlatformDevices(items: unknown[], where: string): PlatformDevice[] {
  const ids = new Set<string>();
  return items.map((_, i) => {
    const d = objectAt(items, i, where);
    if (typeof d['id'] !== 'string' || d['id'] === '') throw new InvalidParameterException(`${where}[${i}].id is required`);
    if (d['type'] !== 'GPU') throw new InvalidParameterException(`${where}[${i}].type must be GPU`);
    if (ids.has(d['id'])) throw new InvalidParameterException(`${where}: device '${d['id']}' appears twice`);
    ids.add(d['id']);
    return { id: d['id'], type: 'GPU' };
  });
}

function versionInfo(input: Input): InstanceRecord['versionInfo'] {
  return checkVersionInfo(input['versionInfo'], 'versionInfo');
}

/** A checked `versionInfo` (absent → `{}`). */
export function checkVersionInfo(v: unknown, where: string): InstanceRecord['versionInfo'] {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new InvalidParameterException(`${where} must be an object`);
  const out: InstanceRecord['versionInfo'] = {};
  for (const k of ['agentVersion', 'agentHash', 'dockerVersion'] as const) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined || x === null) continue;
    if (typeof x !== 'string') throw new InvalidParameterException(`${where}.${k} must be a string`);
    out[k] = x;
  }
  return out;
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

export function registerContainerInstance(state: SimState, request: unknown, call?: CallContext): { containerInstance: ContainerInstance } {
  const input = requestObject(request, 'RegisterContainerInstance');
  const cluster = clusterFor(state, input);
  const doc = identityDocument(input);
  optionalString(input, 'instanceIdentityDocumentSignature');
  const resources = totalResources(input);
  const version = versionInfo(input);
  const requested = checkAttributes(optionalArray(input, 'attributes') ?? [], 'attributes');
  const custom = requested.filter((a) => isCustomAttribute(a.name!)).length;
  if (custom > MAX_CUSTOM_ATTRIBUTES) {
    throw new InvalidParameterException(`attributes: at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes per container instance; got ${custom}`);
  }
  const devices = platformDevices(input);
  const tags = checkTags(optionalArray(input, 'tags') ?? [], 'tags');
  const reference = optionalString(input, 'containerInstanceArn');

  if (reference !== undefined) {
    // Re-registration (an agent restart): resources, versions and devices are refreshed;
    // attributes from ECS_INSTANCE_ATTRIBUTES only apply at first registration.
    const record = findInstance(cluster, reference);
    if (record === null) throw new InvalidParameterException(`containerInstanceArn: ${reference} is not a container instance of cluster ${cluster.name}`);
    if (record.status === 'INACTIVE') throw new InvalidParameterException(`containerInstanceArn: ${reference} is deregistered (INACTIVE) and cannot register again`);
    const wasConnected = record.agentConnected;
    record.registeredResources = resources;
    record.versionInfo = version;
    record.platformDevices = devices;
    record.agentConnected = true;
    cluster.store.setAgentConnected(record.arn, true);
    cluster.store.setAgentVersion(record.arn, version.agentVersion);
    refreshResources(cluster, record);
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

  const id = long ? state.random.hex(32) : state.random.uuid();
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
  scheduleReconcile(state, cluster);
  return { containerInstance: describeInstance(cluster, record, false) };
}
