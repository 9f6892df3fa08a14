// The reason table: codes in stage order (the accountant's resource order inside), and for each
// code the text ECS shows — one row per code, nothing missing.
import { describe, expect, it } from 'vitest';
import { codeOf, failureReason, placementStage, REJECTION_REASONS, serviceEventText } from '../../src/placement/reasons.js';
import { RESOURCE_REASONS } from '../../src/resources/types.js';

describe('rejection reasons', () => {
  it('are listed in stage order, resources in the order the accountant checks them', () => {
    expect(REJECTION_REASONS).toEqual([
      'STATUS', 'AGENT', 'ATTRIBUTE', ...RESOURCE_REASONS, 'CONSTRAINT:distinctInstance', 'CONSTRAINT:memberOf',
    ]);
    const stages = REJECTION_REASONS.map(placementStage);
    expect(stages).toEqual([...stages].sort((a, b) => a - b));
    REJECTION_REASONS.forEach((r, i) => expect(codeOf(r)).toBe(i + 1));
  });

  it('give ECS clients the reasons ECS documents (RESOURCE:PORTS_UDP reads as RESOURCE:PORTS)', () => {
    expect(Object.fromEntries(REJECTION_REASONS.map((r) => [r, failureReason(r)]))).toEqual({
      STATUS: 'STATUS', AGENT: 'AGENT', ATTRIBUTE: 'ATTRIBUTE',
      'RESOURCE:CPU': 'RESOURCE:CPU', 'RESOURCE:MEMORY': 'RESOURCE:MEMORY', 'RESOURCE:PORTS': 'RESOURCE:PORTS',
      'RESOURCE:PORTS_UDP': 'RESOURCE:PORTS', 'RESOURCE:GPU': 'RESOURCE:GPU', 'RESOURCE:ENI': 'RESOURCE:ENI',
      'CONSTRAINT:distinctInstance': 'DistinctInstance placement constraint unsatisfied.',
      'CONSTRAINT:memberOf': 'MemberOf placement constraint unsatisfied.',
    });
    expect(serviceEventText('RESOURCE:PORTS_UDP')).toBe(serviceEventText('RESOURCE:PORTS'));
    expect(serviceEventText('RESOURCE:CPU')).toBe('has insufficient CPU units available');
    for (const r of REJECTION_REASONS) expect(serviceEventText(r)).not.toBe('');
  });
});
