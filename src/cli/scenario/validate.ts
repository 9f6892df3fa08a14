/**
 * Checks a scenario document (see steps.ts) before anything runs, so a mistake in step 9 is
 * reported before steps 1–8 spend time. Errors are InvalidParameterExceptions that name the step
 * and member: `scenario plan.json: steps[3].settleSeconds (drain): must be …`. CQL filters and
 * placement parameters are checked by the simulator's own rules.
 */
import { parseFilter } from '../../cql/index.js';
import { InvalidParameterException } from '../../errors.js';
import { placementConstraints, placementStrategies } from '../../ecs/shared/placement-params.js';
import { OPERATIONS } from '../../protocol/dispatcher.js';
import { INSTANCE_STATUSES } from '../format.js';
import { DEFAULT_SETTLE_SECONDS } from '../what-if/drain.js';
import type { BranchesStep, Scenario, Step } from './steps.js';

const MAX_SECONDS = 30 * 86_400;
const ACTIONS = ['query', 'place', 'drain', 'fail', 'advance', 'replaceInstances', 'branches'] as const;

/** The members each simulator action takes (besides `op` and `label`). */
const MEMBERS: Record<(typeof ACTIONS)[number], readonly string[]> = {
  query: ['filter', 'explain', 'status'],
  place: ['taskDefinition', 'count', 'group', 'placementStrategy', 'placementConstraints'],
  drain: ['filter', 'settleSeconds'],
  fail: ['filter', 'settleSeconds'],
  advance: ['seconds'],
  replaceInstances: ['filter', 'settleSeconds'],
  branches: ['branches'],
};

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));

/** Reads the members of one step, each error naming the step and member. */
class StepReader {
  constructor(private readonly step: Json, readonly path: string, private readonly op: string) {}

  fail(member: string | null, message: string): never {
    throw new InvalidParameterException(`${this.path}${member === null ? '' : `.${member}`} (${this.op}): ${message}`);
  }

  has(member: string): boolean {
    return this.step[member] !== undefined;
  }

  string(member: string): string {
    const v = this.step[member];
    if (typeof v !== 'string' || v === '') this.fail(member, `expected a non-empty string; got ${describe(v)}`);
    return v as string;
  }

  optionalString(member: string): string | undefined {
    return this.has(member) ? this.string(member) : undefined;
  }

  integer(member: string, min: number, max: number, fallback?: number): number {
    const v = this.step[member];
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) this.fail(member, `expected a whole number from ${min} to ${max}; got ${describe(v)}`);
    return v as number;
  }

  boolean(member: string, fallback: boolean): boolean {
    const v = this.step[member];
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') this.fail(member, `expected true or false; got ${describe(v)}`);
    return v as boolean;
  }

  filter(member: string): string {
    const text = this.string(member);
    parseFilter(text, { source: `${this.path}.${member} (${this.op})` });
    return text;
  }

  /** Refuses members the step does not take (a typo would otherwise be ignored silently). */
  only(allowed: readonly string[]): void {
    for (const member of Object.keys(this.step)) {
      if (member !== 'op' && member !== 'label' && !allowed.includes(member)) {
        this.fail(member, `unknown member; ${this.op} takes ${allowed.length > 0 ? allowed.join(', ') : 'no members'} (and label)`);
      }
    }
  }
}

/** A member name that is also the path in messages: the simulator's checks then name the step. */
function viaLibrary<T>(reader: StepReader, member: string, raw: unknown, check: (input: Json, name: string) => T): T {
  return check({ [`${reader.path}.${member}`]: raw }, `${reader.path}.${member}`);
}

function readStep(raw: unknown, path: string): Step {
  if (!isObject(raw)) throw new InvalidParameterException(`${path}: expected a step object with an "op" member; got ${describe(raw)}`);
  const op = raw['op'];
  if (typeof op !== 'string') throw new InvalidParameterException(`${path}.op: expected the step's operation as a string; got ${describe(op)}`);
  const r = new StepReader(raw, path, op);
  const label = raw['label'];
  if (label !== undefined && typeof label !== 'string') r.fail('label', `expected a string; got ${describe(label)}`);
  if (Object.prototype.hasOwnProperty.call(OPERATIONS, op)) {
    r.only(['request', 'principalArn']);
    const request = raw['request'] ?? {};
    if (!isObject(request)) r.fail('request', `expected the ${op} request as a JSON object; got ${describe(request)}`);
    const principalArn = r.optionalString('principalArn');
    const name = (request as Json)['serviceName'] ?? (request as Json)['family'] ?? (request as Json)['name'] ?? '';
    return { op: 'ecs', path, label: (label as string | undefined) ?? `${op} ${String(name)}`.trim(), operation: op, request: request as Json, principalArn };
  }
  if (!(ACTIONS as readonly string[]).includes(op)) {
    r.fail('op' as string, `unknown operation '${op}'; a step is one of ${ACTIONS.join(', ')}, or an ECS operation such as CreateService or PutAccountSettingDefault with a "request"`);
  }
  const action = op as (typeof ACTIONS)[number];
  r.only(MEMBERS[action]);
  switch (action) {
    case 'query': {
      const filter = r.filter('filter');
      let status: string[] | undefined;
      if (r.has('status')) {
        const v = raw['status'];
        if (!Array.isArray(v) || v.length === 0 || v.some((s) => typeof s !== 'string' || !INSTANCE_STATUSES.includes(s))) r.fail('status', `expected a list of statuses (${INSTANCE_STATUSES.join(', ')}); got ${describe(v)}`);
        status = v as string[];
      }
      return { op: 'query', path, label: (label as string | undefined) ?? `query ${filter}`, filter, explain: r.boolean('explain', false), status };
    }
    case 'place': {
      const taskDefinition = r.string('taskDefinition');
      const count = r.integer('count', 1, 10_000_000);
      return {
        op: 'place',
        path,
        label: (label as string | undefined) ?? `place ${count} × ${taskDefinition}`,
        taskDefinition,
        count,
        group: r.optionalString('group'),
        placementStrategy: viaLibrary(r, 'placementStrategy', raw['placementStrategy'], (input, name) => placementStrategies(input, name)),
        placementConstraints: viaLibrary(r, 'placementConstraints', raw['placementConstraints'], (input, name) => placementConstraints(input, [], name)),
      };
    }
    case 'drain':
    case 'fail': {
      const filter = r.filter('filter');
      return { op: action, path, label: (label as string | undefined) ?? `${action} ${filter}`, filter, settleSeconds: r.integer('settleSeconds', 0, MAX_SECONDS, DEFAULT_SETTLE_SECONDS) };
    }
    case 'advance': {
      const seconds = r.integer('seconds', 0, MAX_SECONDS);
      return { op: 'advance', path, label: (label as string | undefined) ?? `advance ${seconds} s`, seconds };
    }
    case 'replaceInstances': {
      const filter = r.filter('filter');
      return { op: 'replaceInstances', path, label: (label as string | undefined) ?? `replace ${filter}`, filter, settleSeconds: r.integer('settleSeconds', 0, MAX_SECONDS, DEFAULT_SETTLE_SECONDS) };
    }
    case 'branches':
      return readBranches(r, raw, path, label as string | undefined);
  }
}

function readBranches(r: StepReader, raw: Json, path: string, label: string | undefined): BranchesStep {
  const list = raw['branches'];
  if (!Array.isArray(list) || list.length === 0) r.fail('branches', `expected a list of {"name", "steps"} objects; got ${describe(list)}`);
  const names = new Set<string>();
  const branches = (list as unknown[]).map((b, i) => {
    const at = `${path}.branches[${i}]`;
    if (!isObject(b)) throw new InvalidParameterException(`${at}: expected {"name": ..., "steps": [...]}; got ${describe(b)}`);
    for (const member of Object.keys(b)) if (member !== 'name' && member !== 'steps') throw new InvalidParameterException(`${at}.${member}: unknown member; a branch has name and steps`);
    const name = b['name'];
    if (typeof name !== 'string' || name === '') throw new InvalidParameterException(`${at}.name: expected a non-empty string; got ${describe(name)}`);
    if (names.has(name)) throw new InvalidParameterException(`${at}.name: '${name}' names two branches`);
    names.add(name);
    return { name, steps: readSteps(b['steps'], `${at}.steps`) };
  });
  return { op: 'branches', path, label: label ?? `branches: ${branches.map((b) => b.name).join(' | ')}`, branches };
}

function readSteps(raw: unknown, path: string): Step[] {
  if (!Array.isArray(raw)) throw new InvalidParameterException(`${path}: expected a list of steps; got ${describe(raw)}`);
  return raw.map((s, i) => readStep(s, `${path}[${i}]`));
}

/**
 * A checked scenario from parsed JSON: `{ "description"?: text, "steps": [...] }`, or a bare list
 * of steps. `source` names the document in errors.
 */
export function parseScenario(json: unknown, source: string): Scenario {
  try {
    if (Array.isArray(json)) return { description: undefined, steps: readSteps(json, 'steps') };
    if (!isObject(json)) throw new InvalidParameterException(`expected {"steps": [...]} or a list of steps; got ${describe(json)}`);
    for (const member of Object.keys(json)) {
      if (member !== 'steps' && member !== 'description') throw new InvalidParameterException(`${member}: unknown member; a scenario has description and steps`);
    }
    const description = json['description'];
    if (description !== undefined && typeof description !== 'string') throw new InvalidParameterException(`description: expected a string; got ${describe(description)}`);
    return { description, steps: readSteps(json['steps'], 'steps') };
  } catch (e) {
    if (e instanceof InvalidParameterException) throw new InvalidParameterException(`scenario ${source}: ${e.message}`);
    throw e;
  }
}
