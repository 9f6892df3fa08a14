/**
 * Checks of the container-instance members a registration (and a loaded describe output) gives:
 * resources, platform devices and version info, and the bounds on what is stored of them — so
 * that no stored value makes a query or a describe expensive (README, "Limits on stored values").
 */
import { cut, InvalidParameterException, quote } from '../../errors.js';
import { AccountantError, registeredAmount } from '../../resources/accountant.js';
import type { Resource } from '../../shapes.js';
import { objectAt } from '../shared/validate.js';
import type { InstanceRecord, PlatformDevice } from './record.js';

const RESOURCE_TYPES = ['INTEGER', 'DOUBLE', 'LONG', 'STRINGSET'];
const NUMBER_MEMBERS = ['doubleValue', 'longValue', 'integerValue'] as const;

/** At most this many resources per instance (agents register CPU, MEMORY, PORTS, PORTS_UDP, GPU). */
export const MAX_RESOURCES = 20;
/** At most this many entries in a STRINGSET resource (reserved ports: the agent's list is ~5). */
export const MAX_STRING_SET = 100;
/** Longest resource name, STRINGSET entry, device id or versionInfo member. */
export const MAX_TEXT = 255;
/** At most this many platform devices (GPUs; the largest instances have 16). */
export const MAX_DEVICES = 64;
/** The resources the accountant keeps books of: their amounts must fit its 32-bit columns. */
const ACCOUNTED = ['CPU', 'MEMORY', 'GPU'];

function bounded(v: string, where: string): string {
  if (v.length > MAX_TEXT) throw new InvalidParameterException(`${where} is ${v.length} characters long; the limit is ${MAX_TEXT}`);
  return v;
}

function allStrings(list: unknown[]): boolean {
  for (let k = 0; k < list.length; k++) if (typeof list[k] !== 'string') return false;
  return true;
}

/** A checked Resource list (`where` names it in messages): names unique, types and values valid. */
export function checkResources(items: unknown[], where: string): Resource[] {
  if (items.length > MAX_RESOURCES) throw new InvalidParameterException(`${where} may hold at most ${MAX_RESOURCES} resources; got ${items.length}`);
  const out: Resource[] = [];
  for (let i = 0; i < items.length; i++) {
    const r = objectAt(items, i, where);
    const name = r['name'];
    const type = r['type'] ?? 'INTEGER';
    if (typeof name !== 'string' || name === '') throw new InvalidParameterException(`${where}[${i}].name is required`);
    if (name.length > MAX_TEXT) bounded(name, `${where}[${i}].name`);
    // (a handful of resources: a scan, no set)
    let twice = false;
    for (let k = 0; k < out.length; k++) if (out[k]!.name === name) twice = true;
    if (twice) throw new InvalidParameterException(`${where}: resource '${cut(name)}' appears twice`);
    if (typeof type !== 'string' || !RESOURCE_TYPES.includes(type)) {
      throw new InvalidParameterException(`${where}[${i}].type must be one of ${RESOURCE_TYPES.join(', ')}`);
    }
    for (const k of NUMBER_MEMBERS) {
      if (r[k] !== undefined && r[k] !== null && (typeof r[k] !== 'number' || !Number.isFinite(r[k]))) {
        throw new InvalidParameterException(`${where}[${i}].${k} must be a number`);
      }
    }
    if (type === 'INTEGER' && typeof r['integerValue'] === 'number' && (!Number.isInteger(r['integerValue']) || (r['integerValue'] as number) < 0)) {
      throw new InvalidParameterException(`${where}[${i}].integerValue must be a non-negative integer`);
    }
    const set = r['stringSetValue'];
    if (set !== undefined && set !== null && !(Array.isArray(set) && allStrings(set))) {
      throw new InvalidParameterException(`${where}[${i}].stringSetValue must be a list of strings`);
    }
    if (Array.isArray(set)) {
      if (set.length > MAX_STRING_SET) throw new InvalidParameterException(`${where}[${i}].stringSetValue may hold at most ${MAX_STRING_SET} entries; got ${set.length}`);
      // (paths are built only for a fault, and no set is made: a load checks ~50,000 entries, at
      // most 100 a list, usually ~5)
      for (let k = 0; k < set.length; k++) if ((set[k] as string).length > MAX_TEXT) bounded(set[k] as string, `${where}[${i}].stringSetValue[${k}]`);
      // A set: an entry twice would be held twice (a reserved port, or one the accountant cannot read).
      for (let k = 1; k < set.length; k++) {
        if (set.indexOf(set[k]) !== k) throw new InvalidParameterException(`${where}[${i}].stringSetValue: ${quote(set[k])} appears twice`);
      }
    }
    const resource: Resource = { name, type };
    if (typeof r['doubleValue'] === 'number') resource.doubleValue = r['doubleValue'];
    if (typeof r['longValue'] === 'number') resource.longValue = r['longValue'];
    if (typeof r['integerValue'] === 'number') resource.integerValue = r['integerValue'];
    if (type === 'STRINGSET') resource.stringSetValue = [...((set as string[] | undefined) ?? [])];
    if (ACCOUNTED.includes(name)) {
      try {
        registeredAmount(resource, name);
      } catch (e) {
        if (e instanceof AccountantError) throw new InvalidParameterException(`${where}[${i}]: ${name} must be a whole number from 0 to ${2 ** 31 - 1}; got ${quote(resource.type === 'LONG' ? resource.longValue : resource.type === 'DOUBLE' ? resource.doubleValue : resource.integerValue)}`);
        throw e;
      }
    }
    out.push(resource);
  }
  return out;
}

/** Checked `platformDevices`: GPUs with unique, non-empty ids. */
export function checkPlatformDevices(items: unknown[], where: string): PlatformDevice[] {
  if (items.length > MAX_DEVICES) throw new InvalidParameterException(`${where} may hold at most ${MAX_DEVICES} devices; got ${items.length}`);
  const ids = new Set<string>();
  return items.map((_, i) => {
    const d = objectAt(items, i, where);
    if (typeof d['id'] !== 'string' || d['id'] === '') throw new InvalidParameterException(`${where}[${i}].id is required`);
    if (d['id'].length > MAX_TEXT) bounded(d['id'], `${where}[${i}].id`);
    if (d['type'] !== 'GPU') throw new InvalidParameterException(`${where}[${i}].type must be GPU`);
    if (ids.has(d['id'])) throw new InvalidParameterException(`${where}: device '${d['id']}' appears twice`);
    ids.add(d['id']);
    return { id: d['id'], type: 'GPU' };
  });
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
    out[k] = x.length > MAX_TEXT ? bounded(x, `${where}.${k}`) : x;
  }
  return out;
}
