// Every official example expression of the ECS guide (reference §1.12), with instances it must
// and must not select, through both the reference evaluator and the compiled filter.
import { describe, expect, it } from 'vitest';
import { compileFilter, evaluate, parseFilter } from '../../src/cql/index.js';
import type { ContainerInstance } from '../../src/shapes.js';

interface Host { instance: ContainerInstance; taskGroups?: string[] }

function host(attrs: Record<string, string | null>, extra: Partial<ContainerInstance> = {}, taskGroups: string[] = []): Host {
  return {
    instance: {
      attributes: Object.entries(attrs).map(([name, value]) => (value === null ? { name } : { name, value })),
      ...extra,
    },
    taskGroups,
  };
}

const t2small = host({ 'ecs.instance-type': 't2.small', 'ecs.availability-zone': 'us-east-1a', stack: 'prod' });
const t2medium = host({ 'ecs.instance-type': 't2.medium', 'ecs.availability-zone': 'us-east-1b', stack: 'dev' });
const g2east1d = host({ 'ecs.instance-type': 'g2.2xlarge', 'ecs.availability-zone': 'us-east-1d' });
const g2east1c = host({ 'ecs.instance-type': 'g2.2xlarge', 'ecs.availability-zone': 'us-east-1c' });
const m5 = host({ 'ecs.instance-type': 'm5.large', 'ecs.availability-zone': 'us-east-1c', stack: 'prod' });

const cases: Array<{ expression: string; selects: Host[]; rejects: Host[] }> = [
  { expression: 'attribute:ecs.instance-type == t2.small', selects: [t2small], rejects: [t2medium, g2east1d] },
  { expression: 'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]', selects: [t2small, t2medium], rejects: [g2east1c, g2east1d] },
  {
    expression: 'attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d',
    selects: [g2east1c], rejects: [g2east1d, t2small, m5],
  },
  {
    expression: 'task:group == service:production',
    selects: [host({}, {}, ['service:production']), host({}, {}, ['database', 'service:production'])],
    rejects: [host({}, {}, ['service:staging']), host({}, {}, [])],
  },
  {
    expression: 'not(task:group == database)',
    selects: [host({}, {}, []), host({}, {}, ['service:web'])],
    rejects: [host({}, {}, ['database']), host({}, {}, ['service:web', 'database'])],
  },
  {
    expression: 'runningTasksCount == 1',
    selects: [host({}, { runningTasksCount: 1 })],
    rejects: [host({}, { runningTasksCount: 0 }), host({}, { runningTasksCount: 2 })],
  },
  {
    expression: 'agentVersion < 1.14.5',
    selects: [host({}, { versionInfo: { agentVersion: '1.14.4' } }), host({}, { versionInfo: { agentVersion: '1.9.0' } })],
    rejects: [host({}, { versionInfo: { agentVersion: '1.14.5' } }), host({}, { versionInfo: { agentVersion: '1.29.0' } })],
  },
  {
    expression: 'registeredAt < 2018-02-13',
    selects: [host({}, { registeredAt: new Date('2018-02-12T23:59:59.999Z') })],
    rejects: [host({}, { registeredAt: new Date('2018-02-13T00:00:00Z') }), host({}, { registeredAt: new Date('2019-01-01T00:00:00Z') })],
  },
  {
    expression: "ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']",
    selects: [host({}, { ec2InstanceId: 'i-abcd1234' }), host({}, { ec2InstanceId: 'i-wxyx7890' })],
    rejects: [host({}, { ec2InstanceId: 'i-00000000' })],
  },
  { expression: 'attribute:ecs.instance-type =~ t2.*', selects: [t2small, t2medium], rejects: [g2east1d, m5] },
  {
    expression: 'task:group == databases',
    selects: [host({}, {}, ['databases'])], rejects: [host({}, {}, ['database'])],
  },
  {
    expression: 'task:group == service:daemon-service',
    selects: [host({}, {}, ['service:daemon-service'])], rejects: [host({}, {}, ['service:web'])],
  },
  {
    expression: 'attribute:ecs.os-family == WINDOWS_SERVER_2019_FULL',
    selects: [host({ 'ecs.os-family': 'WINDOWS_SERVER_2019_FULL' })],
    rejects: [host({ 'ecs.os-family': 'WINDOWS_SERVER_2019_CORE' }), host({ 'ecs.os-family': 'LINUX' })],
  },
  { expression: 'attribute:ecs.instance-type == g2.2xlarge', selects: [g2east1c, g2east1d], rejects: [t2small] },
  { expression: 'attribute:stack == prod', selects: [t2small, m5], rejects: [t2medium, g2east1c] },
  // The guide: "has the attribute stack with a value other than prod" — absent is not selected.
  { expression: 'attribute:stack != prod', selects: [t2medium], rejects: [t2small, m5, g2east1c] },
  { expression: 'attribute:ecs.instance-type in [t2.small, t2.medium]', selects: [t2small, t2medium], rejects: [g2east1c, m5] },
  {
    expression: 'attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone == us-east-1a',
    selects: [t2small], rejects: [t2medium, m5],
  },
];

describe('official ECS examples (reference §1.12)', () => {
  for (const { expression, selects, rejects } of cases) {
    it(`${expression} selects what the guide says`, () => {
      const ast = parseFilter(expression);
      const compiled = compileFilter(expression);
      for (const h of selects) {
        expect(evaluate(ast, h.instance, { taskGroups: h.taskGroups ?? [] })).toBe(true);
        expect(compiled.matches(h.instance, { taskGroups: h.taskGroups ?? [] })).toBe(true);
      }
      for (const h of rejects) {
        expect(evaluate(ast, h.instance, { taskGroups: h.taskGroups ?? [] })).toBe(false);
        expect(compiled.matches(h.instance, { taskGroups: h.taskGroups ?? [] })).toBe(false);
      }
    });
  }
});
