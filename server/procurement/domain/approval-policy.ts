import type { ApprovalTier, ChainStep } from './domain-events';
import { procurementErrors } from './errors';
import { MAX_AMOUNT, MAX_STEPS_PER_TIER, MAX_TIERS } from './limits';

const { refuse } = procurementErrors;

/**
 * The policy in force where no department on the way up sets one (the example): up to
 * 1,000,000 minor units the team lead; up to 10,000,000 also the head of the unit above; above
 * that, also an accountant.
 */
export const DEFAULT_APPROVAL_POLICY: ApprovalTier[] = [
  { upTo: 1_000_000, steps: ['department-lead'] },
  { upTo: 10_000_000, steps: ['department-lead', 'parent-lead'] },
  { upTo: null, steps: ['department-lead', 'parent-lead', 'accountant'] },
];

/** A unit on the way from a request's department (first) up to the root (last). */
export interface OrgUnit {
  departmentId: string;
  leadId: string | null;
  /** The unit's own policy; null: it inherits from the unit above. */
  policy: ApprovalTier[] | null;
}

/** Refuses a policy that leaves an amount without a tier or a tier without a clear chain. */
export function checkPolicy(tiers: ApprovalTier[]): void {
  const invalid = (why: string) => refuse('invalid-policy', why);
  if (tiers.length === 0 || tiers.length > MAX_TIERS) throw invalid(`A policy has 1 to ${MAX_TIERS} tiers`);
  tiers.forEach((tier, i) => {
    const last = i === tiers.length - 1;
    if (last !== (tier.upTo === null)) throw invalid('Only the last tier is unbounded (upTo null), and it must be');
    if (tier.upTo !== null) {
      if (!Number.isSafeInteger(tier.upTo) || tier.upTo < 1 || tier.upTo > MAX_AMOUNT) throw invalid(`upTo is a whole amount from 1 to ${MAX_AMOUNT}`);
      const previous = tiers[i - 1]?.upTo;
      if (previous != null && tier.upTo <= previous) throw invalid('Tiers ascend by upTo');
    }
    if (tier.steps.length === 0 || tier.steps.length > MAX_STEPS_PER_TIER) throw invalid(`A tier has 1 to ${MAX_STEPS_PER_TIER} steps`);
    if (new Set(tier.steps).size !== tier.steps.length) throw invalid('A tier names each kind of approver once');
  });
}

/** The policy in force for a department: its own, else the nearest ancestor's, else the default. */
export function policyInForce(units: readonly OrgUnit[]): { tiers: ApprovalTier[]; departmentId: string | null } {
  const owner = units.find((u) => u.policy !== null);
  return owner ? { tiers: owner.policy!, departmentId: owner.departmentId } : { tiers: DEFAULT_APPROVAL_POLICY, departmentId: null };
}

/**
 * Fixes the approval chain of a total: the tier it falls in, and for each lead step the nearest
 * lead at or above its level (the department for `department-lead`, the unit above for
 * `parent-lead`) who is neither the requester nor already in the chain. Nobody approves twice and
 * nobody approves their own request; an accountant step is checked when it is approved.
 */
export function approvalChain(units: readonly OrgUnit[], total: number, requesterId: string) {
  const policy = policyInForce(units);
  const tier = policy.tiers.find((t) => t.upTo === null || total <= t.upTo)!;
  const taken = new Set([requesterId]);
  const chain: ChainStep[] = tier.steps.map((kind) => {
    if (kind === 'accountant') return { kind, approverId: null, departmentId: null };
    for (let level = kind === 'department-lead' ? 0 : 1; level < units.length; level++) {
      const { leadId, departmentId } = units[level];
      if (leadId && !taken.has(leadId)) {
        taken.add(leadId);
        return { kind, approverId: leadId, departmentId };
      }
    }
    throw refuse('no-approver', `No one above the request can approve its ${kind} step: assign a lead`);
  });
  return { tier, policyDepartmentId: policy.departmentId, chain };
}
