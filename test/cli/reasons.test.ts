/** Naming why tasks were not placed, and aligning tables. */
import { describe, expect, it } from 'vitest';
import { headlineReason, reasonOfServiceEvent, tallyReasons } from '../../src/cli/reasons.js';
import { formatTable } from '../../src/cli/table.js';

describe('reasons', () => {
  it('tallies failures by reason, largest first', () => {
    expect(Object.entries(tallyReasons([{ reason: 'AGENT' }, { reason: 'RESOURCE:ENI' }, { reason: 'RESOURCE:ENI' }]))).toEqual([['RESOURCE:ENI', 2], ['AGENT', 1]]);
  });

  it('names what ran out: the reason that turned down the most candidate instances, not the furthest stage a few reached', () => {
    expect(headlineReason({ 'RESOURCE:CPU': 4000, 'MemberOf placement constraint unsatisfied.': 4 })).toBe('RESOURCE:CPU');
    // Instances that are no candidates at all (drained, disconnected) do not say why the rest had no room.
    expect(headlineReason({ STATUS: 1700, AGENT: 50, 'RESOURCE:CPU': 3, 'RESOURCE:ENI': 40 })).toBe('RESOURCE:ENI');
    // When no instance is a candidate, the commonest reason is all there is to say.
    expect(headlineReason({ STATUS: 3, AGENT: 50, ATTRIBUTE: 2 })).toBe('AGENT');
    // A tie goes to the later stage, whatever the order of the tally.
    expect(headlineReason({ 'RESOURCE:MEMORY': 7, STATUS: 7 })).toBe('RESOURCE:MEMORY');
    expect(headlineReason({ STATUS: 7, 'RESOURCE:MEMORY': 7 })).toBe('RESOURCE:MEMORY');
    expect(headlineReason({})).toBeUndefined();
  });

  it('reads the reason out of a service event', () => {
    const event = (tail: string) => `(service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance 0abc) ${tail}.`;
    expect(reasonOfServiceEvent(event('has insufficient memory available'))).toBe('RESOURCE:MEMORY');
    expect(reasonOfServiceEvent(event('has insufficient CPU units available'))).toBe('RESOURCE:CPU');
    expect(reasonOfServiceEvent(event('is already using a port required by your task'))).toBe('RESOURCE:PORTS');
    expect(reasonOfServiceEvent(event('encountered error "RESOURCE:ENI"'))).toBe('RESOURCE:ENI');
    expect(reasonOfServiceEvent(event('encountered error "memberOf constraint unsatisfied"'))).toBe('CONSTRAINT:memberOf');
  });
});

describe('formatTable', () => {
  it('left-aligns text and right-aligns numeric columns under their headers', () => {
    expect(formatTable([['NAME', 'TASKS', 'CPU'], ['web', '1,204', '51.3% → 70.2%'], ['cache-long-name', '7', '0.0% → 0.0%']])).toBe([
      'NAME             TASKS            CPU',
      'web              1,204  51.3% → 70.2%',
      'cache-long-name      7    0.0% → 0.0%',
    ].join('\n'));
  });
});
