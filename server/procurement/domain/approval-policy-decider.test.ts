import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@/server/testing/decider-spec';
import { type ApprovalPolicyCommand, approvalPolicyDecider, type ApprovalPolicyState } from './approval-policy-decider';
import type { ApprovalTier } from './domain-events';
import { MAX_AMOUNT } from './limits';

const spec = deciderSpec(approvalPolicyDecider);
const NOW = '2030-03-01T09:00:00.000Z';
const set = (tiers: ApprovalTier[] | null): ApprovalPolicyCommand => ({
  type: 'SetApprovalPolicy',
  data: { departmentId: 'd', tiers, actorId: 'u-admin', now: NOW },
});
const none: ApprovalPolicyState = { departmentExists: true, policy: null };
const tiers: ApprovalTier[] = [
  { upTo: 500, steps: ['department-lead'] },
  { upTo: null, steps: ['department-lead', 'accountant'] },
];

describe('approval policy decider', () => {
  it('sets a department’s own tiers, with what they replace', () => {
    const state = spec
      .given(none)
      .when(set(tiers))
      .thenEmits([{ type: 'ApprovalPolicySet', data: { departmentId: 'd', tiers, before: null, setBy: 'u-admin', at: NOW } }]);
    expect(state.policy).toEqual({ departmentId: 'd', tiers, version: 1 });
    // back to inheriting
    expect(approvalPolicyDecider.decide(set(null), state)).toEqual([
      { type: 'ApprovalPolicySet', data: { departmentId: 'd', tiers: null, before: tiers, setBy: 'u-admin', at: NOW } },
    ]);
  });

  it('changes nothing when the tiers are already set', () => {
    spec
      .given({ departmentExists: true, policy: { departmentId: 'd', tiers, version: 1 } })
      .when(set(tiers))
      .thenEmitsNothing();
    spec.given(none).when(set(null)).thenEmitsNothing();
  });

  it('refuses an unknown department', () => {
    spec.given({ departmentExists: false, policy: null }).when(set(tiers)).thenRefuses('department-not-found');
  });

  it.each([
    ['no tiers', []],
    ['a bounded last tier', [{ upTo: 500, steps: ['department-lead'] }]],
    [
      'an unbounded tier before the last',
      [
        { upTo: null, steps: ['department-lead'] },
        { upTo: null, steps: ['accountant'] },
      ],
    ],
    [
      'descending tiers',
      [
        { upTo: 500, steps: ['department-lead'] },
        { upTo: 400, steps: ['department-lead'] },
        { upTo: null, steps: ['accountant'] },
      ],
    ],
    [
      'an amount beyond 10^13',
      [
        { upTo: MAX_AMOUNT + 1, steps: ['department-lead'] },
        { upTo: null, steps: ['accountant'] },
      ],
    ],
    ['a tier without steps', [{ upTo: null, steps: [] }]],
    ['a repeated step', [{ upTo: null, steps: ['accountant', 'accountant'] }]],
  ] as [string, ApprovalTier[]][])('refuses %s', (_label, bad) => {
    spec.given(none).when(set(bad)).thenRefuses('invalid-policy');
  });
});

spec.itRaisesEveryDeclaredRefusal();
