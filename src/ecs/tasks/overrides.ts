/**
 * RunTask's and StartTask's `overrides`: what they change in what a task reserves (a container's
 * `cpu`, `memory`, `memoryReservation` and GPUs, the task's `cpu` and `memory`), checked against
 * the task definition, and kept on the tasks, whose DescribeTasks shape echoes them. The model has
 * checked their shape already (`validateRequest`); this checks what it cannot.
 */
import { cut, InvalidParameterException, quote } from '../../errors.js';
import { parseCpuUnits, parseMemoryMiB, requirementsOf } from '../../resources/requirements.js';
import type { TaskRequirements } from '../../resources/types.js';
import type { ContainerOverride, TaskOverride } from '../../shapes.js';
import type { Input } from '../shared/validate.js';
import type { SimState } from '../state/state.js';
import { checkContainerSizes, checkGpuCount } from '../task-definitions/build.js';
import type { TaskDefinition } from '../task-definitions/registry.js';

/** The overrides a task keeps (undefined: none given) and what one task of them reserves. */
export interface TaskOverrides {
  readonly overrides: TaskOverride | undefined;
  readonly requirements: TaskRequirements;
}

/**
 * The request's `overrides` for tasks of `td`, checked: every container override names a
 * container of the task definition, once; each container as overridden passes
 * RegisterTaskDefinition's size rules (`checkContainerSizes`). A rejected override changes nothing.
 *
 * @example taskOverrides(state, { overrides: { containerOverrides: [{ name: 'web', memory: 1024 }] } }, td).requirements.memory
 */
export function taskOverrides(state: SimState, input: Input, td: TaskDefinition): TaskOverrides {
  const given = input['overrides'] as TaskOverride | undefined | null;
  if (given === undefined || given === null) return { overrides: undefined, requirements: state.taskDefinitions.requirementsOf(td.taskDefinitionArn!) };
  const byName = new Map<string, ContainerOverride>();
  const names = new Set((td.containerDefinitions ?? []).map((c) => c.name));
  (given.containerOverrides ?? []).forEach((c, i) => {
    const at = `overrides.containerOverrides[${i}]`;
    // ECS's words, verbatim, for a name the task definition does not have.
    if (typeof c.name !== 'string' || !names.has(c.name)) throw new InvalidParameterException(`Override for container named ${cut(c.name ?? 'null')} is not a container in the TaskDefinition.`);
    if (byName.has(c.name)) throw new InvalidParameterException(`${at}.name: container ${quote(c.name)} is overridden twice`);
    (c.resourceRequirements ?? []).forEach((r, k) => {
      if (r.type !== 'GPU') throw new InvalidParameterException(`${at}.resourceRequirements[${k}].type: only GPU can be overridden; got ${quote(r.type ?? null)}`);
      checkGpuCount(r.value ?? '', `${at}.resourceRequirements[${k}].value`, c.name!);
    });
    byName.set(c.name, c);
  });
  if (given.cpu != null && parseCpuUnits(given.cpu) === null) throw new InvalidParameterException(`overrides.cpu: CPU units ("1024") or vCPUs ("1 vCPU"); got ${quote(given.cpu)}`);
  if (given.memory != null && parseMemoryMiB(given.memory) === null) throw new InvalidParameterException(`overrides.memory: MiB ("2048") or GB ("2 GB"); got ${quote(given.memory)}`);
  const containerDefinitions = (td.containerDefinitions ?? []).map((c) => {
    const o = byName.get(c.name!);
    if (o === undefined) return c;
    const merged = {
      ...c,
      ...(o.cpu == null ? {} : { cpu: o.cpu }),
      ...(o.memory == null ? {} : { memory: o.memory }),
      ...(o.memoryReservation == null ? {} : { memoryReservation: o.memoryReservation }),
      ...(o.resourceRequirements == null ? {} : { resourceRequirements: o.resourceRequirements }),
    };
    // The container as overridden passes RegisterTaskDefinition's size rules.
    checkContainerSizes(c.name!, `overrides.containerOverrides[${given.containerOverrides!.indexOf(o)}]`, merged);
    return merged;
  });
  const requirements = requirementsOf({
    ...td,
    ...(given.cpu == null ? {} : { cpu: given.cpu }),
    ...(given.memory == null ? {} : { memory: given.memory }),
    containerDefinitions,
  });
  // The task keeps a copy (the caller's object may change); JSON keeps `__proto__` an own key.
  return { overrides: JSON.parse(JSON.stringify(given)) as TaskOverride, requirements };
}
