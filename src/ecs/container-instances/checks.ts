/**
 * Checks of the container-instance members a registration (and a loaded describe output) gives:
 * resources, platform devices and version info.
 */
import { InvalidParameterException } from '../../errors.js';
import type { Resource } from '../../shapes.js';
import { objectAt } from '../shared/validate.js';
import type { InstanceRecord, PlatformDevice } from './record.js';

const RESOURCE_TYPES = ['INTEGER', 'DOUBLE', 'LONG', 'STRINGSET'];

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
