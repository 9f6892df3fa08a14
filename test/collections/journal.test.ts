import { describe, expect, it } from 'vitest';
import { InjectedFault, Journal } from '../../src/collections/journal.js';

/** A cell whose writes are journaled, the way every journaled structure does it. */
function cell(journal: Journal, log: string[]) {
  let value = 0;
  return {
    get: () => value,
    set(v: number) {
      if (journal.depth !== 0) {
        const old = value;
        journal.record(() => {
          log.push(`undo ${v}`);
          value = old;
        });
      }
      value = v;
    },
  };
}

describe('Journal', () => {
  it('rollback runs undos newest first and restores the value before the transaction', () => {
    const journal = new Journal();
    const log: string[] = [];
    const c = cell(journal, log);
    c.set(1);
    journal.begin();
    c.set(2);
    c.set(3);
    journal.rollback();
    expect(c.get()).toBe(1);
    expect(log).toEqual(['undo 3', 'undo 2']);
    expect(journal.depth).toBe(0);
  });

  it('nested: an inner rollback undoes only the inner writes; an inner commit leaves them to the outer', () => {
    const journal = new Journal();
    const c = cell(journal, []);
    journal.begin();
    c.set(1);
    journal.begin();
    c.set(2);
    journal.rollback();
    expect(c.get()).toBe(1);
    journal.begin();
    c.set(3);
    journal.commit();
    expect(c.get()).toBe(3);
    journal.rollback();
    expect(c.get()).toBe(0);
  });

  it('records nothing while closed, and forgets undos at the outermost commit', () => {
    const journal = new Journal();
    const c = cell(journal, []);
    c.set(5);
    expect(journal.writePoints).toBe(0);
    journal.atomically(() => c.set(6));
    expect(c.get()).toBe(6);
    expect(() => journal.rollback()).toThrow(/no transaction/);
  });

  it('changes counts the outermost commits that wrote something: not reads, rollbacks or inner commits', () => {
    const journal = new Journal();
    const c = cell(journal, []);
    journal.atomically(() => c.get());
    expect(journal.changes).toBe(0);
    journal.atomically(() => c.set(1));
    expect(journal.changes).toBe(1);
    expect(() => journal.atomically(() => {
      c.set(2);
      throw new Error('no');
    })).toThrow('no');
    expect(journal.changes).toBe(1);
    journal.begin();
    journal.atomically(() => c.set(3));
    expect(journal.changes).toBe(1);
    journal.commit();
    expect(journal.changes).toBe(2);
  });

  it('onNextChange runs once, at the next outermost commit that wrote something', () => {
    const journal = new Journal();
    const c = cell(journal, []);
    const ran: number[] = [];
    journal.onNextChange(() => ran.push(journal.changes));
    journal.atomically(() => c.get());
    expect(() => journal.atomically(() => {
      c.set(1);
      throw new Error('no');
    })).toThrow('no');
    journal.begin();
    journal.atomically(() => c.set(2));
    expect(ran).toEqual([]);
    journal.commit();
    expect(ran).toEqual([1]);
    journal.atomically(() => c.set(3));
    expect(ran).toEqual([1]);
  });

  it('atomically rolls back and rethrows when the function throws', () => {
    const journal = new Journal();
    const c = cell(journal, []);
    expect(() => journal.atomically(() => {
      c.set(7);
      throw new Error('boom');
    })).toThrow('boom');
    expect(c.get()).toBe(0);
  });

  it('onCommit callbacks run after the outermost commit only, and are dropped by a rollback', () => {
    const journal = new Journal();
    const ran: string[] = [];
    journal.begin();
    journal.onCommit(() => ran.push('outer'));
    journal.begin();
    journal.onCommit(() => ran.push('rolled back'));
    journal.rollback();
    journal.begin();
    journal.onCommit(() => ran.push('inner'));
    journal.commit();
    expect(ran).toEqual([]);
    journal.commit();
    expect(ran).toEqual(['outer', 'inner']);
  });

  it('an injected fault fires at the k-th write point, before that write is recorded', () => {
    for (let k = 0; k < 3; k++) {
      const journal = new Journal();
      const c = cell(journal, []);
      journal.injectFault(k);
      expect(() => journal.atomically(() => {
        c.set(1);
        c.set(2);
        c.set(3);
      })).toThrow(InjectedFault);
      expect(c.get()).toBe(0);
      expect(journal.faultArmed).toBe(false);
    }
    const journal = new Journal();
    journal.injectFault(3);
    const c = cell(journal, []);
    journal.atomically(() => c.set(1));
    expect(journal.faultArmed).toBe(true);
  });

  it('an undo that throws does not stop the others; the first error is rethrown', () => {
    const journal = new Journal();
    const c = cell(journal, []);
    journal.begin();
    c.set(1);
    journal.record(() => {
      throw new Error('bad undo');
    });
    c.set(2);
    expect(() => journal.rollback()).toThrow('bad undo');
    expect(c.get()).toBe(0);
    expect(journal.depth).toBe(0);
  });

  it('changes epoch at begin and rollback, not at commit', () => {
    const journal = new Journal();
    const e0 = journal.epoch;
    journal.begin();
    const e1 = journal.epoch;
    expect(e1).not.toBe(e0);
    journal.begin();
    journal.commit();
    const e2 = journal.epoch;
    journal.rollback();
    expect(journal.epoch).not.toBe(e2);
  });
});
