// One store spec, run against every implementation (graphology's spec-factory habit): the
// naive array filtered by the reference evaluator, and the indexed store.
import { describe, expect, it } from 'vitest';
import type { ContainerInstance } from '../../src/shapes.js';

export interface StoreUnderTest {
  register(instance: ContainerInstance, taskGroups?: Iterable<string>): unknown;
  deregister(arn: string): void;
  putAttribute(arn: string, name: string, value?: string): void;
  deleteAttribute(arn: string, name: string): void;
  setStatus(arn: string, status: string): void;
  setAgentConnected(arn: string, connected: boolean): void;
  setAgentVersion(arn: string, version: string | undefined): void;
  setRunningTasksCount(arn: string, count: number): void;
  addTask(arn: string, group: string): void;
  removeTask(arn: string, group: string): void;
  query(filter: string | null, options?: { status?: string | readonly string[] }): string[];
}

const arn = (n: number) => `arn:aws:ecs:us-east-1:123456789012:container-instance/c/${n}`;

function instance(n: number, attrs: Record<string, string | null> | Array<[string, string | null]> = {}, extra: Partial<ContainerInstance> = {}): ContainerInstance {
  return {
    containerInstanceArn: arn(n),
    ec2InstanceId: `i-${n}`,
    status: 'ACTIVE',
    agentConnected: true,
    versionInfo: { agentVersion: '1.29.0' },
    runningTasksCount: 0,
    registeredAt: new Date(Date.UTC(2019, 5, n)),
    attributes: (Array.isArray(attrs) ? attrs : Object.entries(attrs)).map(([name, value]) => (value === null ? { name } : { name, value })),
    ...extra,
  };
}

export function storeSpec(name: string, make: () => StoreUnderTest): void {
  describe(`${name}: absent-attribute rules (reference §1.10)`, () => {
    const setup = () => {
      const s = make();
      s.register(instance(1, { stack: 'prod' }));
      s.register(instance(2, { stack: 'dev' }));
      s.register(instance(3, {}));
      s.register(instance(4, { stack: null }));
      return s;
    };
    it('attribute:stack != prod excludes instances without stack', () => {
      expect(setup().query('attribute:stack != prod')).toEqual([arn(2), arn(4)]);
    });
    it('not(attribute:stack == prod) includes instances without stack', () => {
      expect(setup().query('not(attribute:stack == prod)')).toEqual([arn(2), arn(3), arn(4)]);
    });
    it('!in and !~ exclude instances without the attribute', () => {
      expect(setup().query('attribute:stack !in [prod]')).toEqual([arn(2), arn(4)]);
      expect(setup().query('attribute:stack !~ p.*')).toEqual([arn(2), arn(4)]);
    });
    it('exists includes valueless attributes; !exists selects only instances without it', () => {
      expect(setup().query('attribute:stack exists')).toEqual([arn(1), arn(2), arn(4)]);
      expect(setup().query('attribute:stack !exists')).toEqual([arn(3)]);
      expect(setup().query('attribute:never-seen !exists')).toEqual([arn(1), arn(2), arn(3), arn(4)]);
      expect(setup().query('attribute:never-seen != x')).toEqual([]);
    });
    it("a valueless attribute compares as ''", () => {
      expect(setup().query("attribute:stack == ''")).toEqual([arn(4)]);
    });
  });

  describe(`${name}: queries`, () => {
    it('returns matches in registration order, also after a freed slot is reused', () => {
      const s = make();
      for (let n = 1; n <= 5; n++) s.register(instance(n, { k: 'v' }));
      s.deregister(arn(2));
      s.register(instance(6, { k: 'v' }));
      expect(s.query('attribute:k == v')).toEqual([arn(1), arn(3), arn(4), arn(5), arn(6)]);
      expect(s.query(null)).toEqual([arn(1), arn(3), arn(4), arn(5), arn(6)]);
    });
    it('filters by status, alone or with a filter', () => {
      const s = make();
      s.register(instance(1, { k: 'v' }));
      s.register(instance(2, { k: 'v' }, { status: 'DRAINING' }));
      s.register(instance(3, {}, { status: 'DRAINING' }));
      expect(s.query(null, { status: 'DRAINING' })).toEqual([arn(2), arn(3)]);
      expect(s.query('attribute:k == v', { status: 'ACTIVE' })).toEqual([arn(1)]);
      expect(s.query('attribute:k == v', { status: ['ACTIVE', 'DRAINING'] })).toEqual([arn(1), arn(2)]);
      s.setStatus(arn(1), 'DRAINING');
      expect(s.query('attribute:k == v', { status: 'ACTIVE' })).toEqual([]);
    });
    it('treats attribute names such as __proto__ and constructor as ordinary names', () => {
      const s = make();
      // An object literal's __proto__ key sets the prototype, so the names come as pairs.
      s.register(instance(1, [['__proto__', 'x'], ['constructor', null]]));
      s.register(instance(2, {}));
      expect(s.query('attribute:__proto__ == x')).toEqual([arn(1)]);
      expect(s.query('attribute:constructor exists')).toEqual([arn(1)]);
      expect(s.query('attribute:toString exists')).toEqual([]);
    });
    it('answers every subject', () => {
      const s = make();
      s.register(instance(1, {}, { runningTasksCount: 3, agentConnected: false, versionInfo: { agentVersion: '1.14.4' } }));
      s.register(instance(2, {}, { runningTasksCount: 12 }));
      expect(s.query('runningTasksCount > 10')).toEqual([arn(2)]);
      expect(s.query('agentConnected == false')).toEqual([arn(1)]);
      expect(s.query('agentVersion < 1.14.5')).toEqual([arn(1)]);
      expect(s.query('registeredAt < 2019-06-02')).toEqual([arn(1)]);
      expect(s.query("ec2InstanceId in ['i-2', 'i-9']")).toEqual([arn(2)]);
      expect(s.query('ec2InstanceId =~ i-[12]')).toEqual([arn(1), arn(2)]);
      expect(s.query('ec2InstanceId != i-2')).toEqual([arn(1)]);
    });
  });

  describe(`${name}: every mutation keeps the answers exact`, () => {
    it('put and delete attribute', () => {
      const s = make();
      s.register(instance(1, { stack: 'prod' }));
      s.putAttribute(arn(1), 'stack', 'dev');
      expect(s.query('attribute:stack == prod')).toEqual([]);
      expect(s.query('attribute:stack == dev')).toEqual([arn(1)]);
      s.putAttribute(arn(1), 'team');
      expect(s.query('attribute:team exists')).toEqual([arn(1)]);
      s.deleteAttribute(arn(1), 'stack');
      expect(s.query('attribute:stack exists')).toEqual([]);
      expect(s.query('attribute:stack !exists')).toEqual([arn(1)]);
    });
    it('agent connection, version and running task count', () => {
      const s = make();
      s.register(instance(1));
      s.setAgentConnected(arn(1), false);
      expect(s.query('agentConnected == true')).toEqual([]);
      s.setAgentVersion(arn(1), '1.2.0');
      expect(s.query('agentVersion < 1.3')).toEqual([arn(1)]);
      s.setAgentVersion(arn(1), undefined);
      expect(s.query('agentVersion < 1.3')).toEqual([]);
      s.setRunningTasksCount(arn(1), 7);
      expect(s.query('runningTasksCount == 7')).toEqual([arn(1)]);
    });
    it('task:group respects tasks placed and stopped', () => {
      const s = make();
      s.register(instance(1), ['database']);
      s.register(instance(2));
      expect(s.query('task:group == database')).toEqual([arn(1)]);
      expect(s.query('not(task:group == database)')).toEqual([arn(2)]);
      s.addTask(arn(2), 'database');
      s.addTask(arn(2), 'database');
      s.removeTask(arn(2), 'database');
      expect(s.query('task:group == database')).toEqual([arn(1), arn(2)]);
      s.removeTask(arn(2), 'database');
      expect(s.query('task:group == database')).toEqual([arn(1)]);
      expect(s.query('task:group !exists')).toEqual([arn(2)]);
      expect(() => s.removeTask(arn(2), 'database')).toThrow(/no task of group database/);
    });
    it('deregister removes the instance from every answer', () => {
      const s = make();
      s.register(instance(1, { stack: 'prod' }), ['web']);
      s.deregister(arn(1));
      expect(s.query('attribute:stack == prod')).toEqual([]);
      expect(s.query('task:group == web')).toEqual([]);
      expect(s.query('ec2InstanceId == i-1')).toEqual([]);
      expect(s.query(null)).toEqual([]);
      expect(() => s.deregister(arn(1))).toThrow(/no container instance/);
    });
    it('refuses a second instance with the same ARN', () => {
      const s = make();
      s.register(instance(1));
      expect(() => s.register(instance(1))).toThrow(/already in the store/);
    });
  });
}
