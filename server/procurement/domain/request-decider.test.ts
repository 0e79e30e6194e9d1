import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@/server/testing/decider-spec';
import type { OrgUnit } from './approval-policy';
import type { ApprovalTier, RequestEvent } from './domain-events';
import { MAX_AMOUNT, MAX_LINES, MAX_QUANTITY } from './limits';
import { type DetailsInput, type RequestCommand, type RequestDecisionState, requestDecider } from './request-decider';

const spec = deciderSpec(requestDecider);
const decide = requestDecider.decide;

const NOW = '2030-03-01T09:00:00.000Z';
const ID = 'r-1';
const ALICE = 'u-alice'; // requester, in "team"
const LEAD = 'u-lead'; // leads "team"
const HEAD = 'u-head'; // leads "division"
const CEO = 'u-ceo'; // leads "company"
const ACCOUNTANT = 'u-acc';
const eur = (amount: number) => ({ amount, currency: 'EUR' });

const units = (overrides: Partial<Record<'team' | 'division' | 'company', Partial<OrgUnit>>> = {}): OrgUnit[] => [
  { departmentId: 'team', leadId: LEAD, policy: null, ...overrides.team },
  { departmentId: 'division', leadId: HEAD, policy: null, ...overrides.division },
  { departmentId: 'company', leadId: CEO, policy: null, ...overrides.company },
];

const input: DetailsInput = {
  title: 'Laptops',
  justification: 'New hires',
  vendor: 'Acme',
  neededBy: '2030-04-01',
  lines: [
    { description: 'Laptop', quantity: 2, unitPrice: eur(150_000) },
    { description: 'Dock', quantity: 3, unitPrice: eur(10_001) },
  ],
};

const create = (overrides: Partial<DetailsInput> = {}, departmentId: string | null = 'team'): RequestCommand => ({
  type: 'CreatePurchaseRequest',
  data: { requestId: ID, requester: { userId: ALICE, name: 'Alice' }, departmentId, ...input, ...overrides, now: NOW },
});
const update = (changes: Partial<DetailsInput>, expectedVersion = 1, actorId = ALICE): RequestCommand => ({
  type: 'UpdateRequest',
  data: { actorId, expectedVersion, changes, now: NOW },
});
const submit = (org: OrgUnit[] = units(), actorId = ALICE): RequestCommand => ({
  type: 'SubmitRequest',
  data: { actorId, fiscalYear: 2030, units: org, now: NOW },
});
const approve = (actorId: string, actorRoles: string[] = []): RequestCommand => ({
  type: 'ApproveRequest',
  data: { actorId, actorRoles, comment: 'ok', now: NOW },
});
const reject = (actorId: string, reason = 'Too expensive', kind: 'rejected' | 'changes-requested' = 'rejected', actorRoles: string[] = []): RequestCommand => ({
  type: 'RejectRequest',
  data: { actorId, actorRoles, kind, reason, now: NOW },
});
const cancel = (actorId = ALICE): RequestCommand => ({ type: 'CancelRequest', data: { actorId, now: NOW } });
const pay = (actorId = ACCOUNTANT): RequestCommand => ({ type: 'MarkAsPaid', data: { actorId, paymentReference: 'PAY-1', now: NOW } });

/** Runs commands from nothing; each must be accepted. */
function history(...commands: RequestCommand[]): RequestDecisionState {
  return commands.reduce((state, c) => decide(c, state).reduce(requestDecider.evolve, state), { request: null } as RequestDecisionState);
}
const eventsOf = (state: RequestDecisionState, c: RequestCommand): RequestEvent[] => decide(c, state);

// total of `input`: 2 x 150,000 + 3 x 10,001 = 330,003 (tier 1: the team lead alone)
const TOTAL = 330_003;
const big = { lines: [{ description: 'Server', quantity: 1, unitPrice: eur(5_000_000) }] }; // tier 2
const huge = { lines: [{ description: 'Building', quantity: 1, unitPrice: eur(50_000_000) }] }; // tier 3

describe('request decider: create', () => {
  it('creates a draft in the requester’s department and computes every amount and the total', () => {
    const [event] = decide(create(), { request: null });
    expect(event).toEqual({
      type: 'PurchaseRequestCreated',
      data: {
        requestId: ID,
        requester: { userId: ALICE, name: 'Alice' },
        departmentId: 'team',
        title: 'Laptops',
        justification: 'New hires',
        vendor: 'Acme',
        neededBy: '2030-04-01',
        lines: [
          { description: 'Laptop', quantity: 2, unitPrice: eur(150_000), amount: eur(300_000) },
          { description: 'Dock', quantity: 3, unitPrice: eur(10_001), amount: eur(30_003) },
        ],
        total: eur(TOTAL),
        createdAt: NOW,
      },
    });
    expect(history(create()).request).toMatchObject({ status: 'draft', version: 1, requesterId: ALICE, total: eur(TOTAL), chain: [] });
  });

  it('refuses an id that exists, and a requester without a department', () => {
    spec.given(history(create())).when(create()).thenRefuses('request-exists');
    spec.given({ request: null }).when(create({}, null)).thenRefuses('no-department');
  });

  it.each([
    ['no lines', []],
    ['too many lines', Array.from({ length: MAX_LINES + 1 }, () => input.lines[0])],
    ['a zero quantity', [{ description: 'x', quantity: 0, unitPrice: eur(1) }]],
    ['a fractional quantity', [{ description: 'x', quantity: 1.5, unitPrice: eur(1) }]],
    ['a quantity over the limit', [{ description: 'x', quantity: MAX_QUANTITY + 1, unitPrice: eur(1) }]],
    ['a zero price', [{ description: 'x', quantity: 1, unitPrice: eur(0) }]],
    ['a fractional price', [{ description: 'x', quantity: 1, unitPrice: eur(0.5) }]],
    ['a price over 10^13', [{ description: 'x', quantity: 1, unitPrice: eur(MAX_AMOUNT + 1) }]],
  ])('refuses %s', (_label, lines) => {
    expect(spec.given({ request: null }).when(create({ lines })).thenRefuses('invalid-lines')).toMatchObject({ kind: 'conflict' });
  });

  it('accepts exactly the limits', () => {
    const lines = Array.from({ length: MAX_LINES }, () => ({ description: 'x', quantity: 1, unitPrice: eur(1) }));
    expect(decide(create({ lines }), { request: null })[0].data).toMatchObject({ total: eur(MAX_LINES) });
    expect(decide(create({ lines: [{ description: 'x', quantity: 1, unitPrice: eur(MAX_AMOUNT) }] }), { request: null })[0].data).toMatchObject({
      total: eur(MAX_AMOUNT),
    });
  });

  it('refuses lines in two currencies', () => {
    spec
      .given({ request: null })
      .when(create({ lines: [input.lines[0], { description: 'x', quantity: 1, unitPrice: { amount: 1, currency: 'USD' } }] }))
      .thenRefuses('mixed-currencies');
  });

  it('refuses a line amount or a total above 10^13, computed without floats going wrong', () => {
    spec
      .given({ request: null })
      .when(create({ lines: [{ description: 'x', quantity: MAX_QUANTITY, unitPrice: eur(MAX_AMOUNT) }] }))
      .thenRefuses('amount-too-large');
    const half = { description: 'x', quantity: 1, unitPrice: eur(MAX_AMOUNT / 2 + 1) };
    spec
      .given({ request: null })
      .when(create({ lines: [half, half] }))
      .thenRefuses('amount-too-large');
  });
});

describe('request decider: update', () => {
  it('changes only what differs and records it before and after, totals included', () => {
    const lines = [{ description: 'Laptop', quantity: 1, unitPrice: eur(150_000) }];
    const [event] = eventsOf(history(create()), update({ title: 'One laptop', lines, vendor: 'Acme' }));
    expect(event).toEqual({
      type: 'RequestUpdated',
      data: {
        requestId: ID,
        before: { title: 'Laptops', lines: history(create()).request!.lines, total: eur(TOTAL) },
        after: { title: 'One laptop', lines: [{ ...lines[0], amount: eur(150_000) }], total: eur(150_000) },
        updatedAt: NOW,
      },
    });
    expect(requestDecider.evolve(history(create()), event).request).toMatchObject({ title: 'One laptop', total: eur(150_000), vendor: 'Acme', version: 2 });
  });

  it('changes nothing when nothing differs', () => {
    spec
      .given(history(create()))
      .when(update({ title: 'Laptops' }))
      .thenEmitsNothing();
  });

  it('refuses anyone but the requester, a stale version, and a request past draft', () => {
    spec
      .given({ request: null })
      .when(update({ title: 'x' }))
      .thenRefuses('not-found');
    expect(
      spec
        .given(history(create()))
        .when(update({ title: 'x' }, 1, LEAD))
        .thenRefuses('not-requester'),
    ).toMatchObject({ kind: 'forbidden' });
    spec
      .given(history(create()))
      .when(update({ title: 'x' }, 2))
      .thenRefuses('version-conflict');
    spec
      .given(history(create(), submit()))
      .when(update({ title: 'x' }, 2))
      .thenRefuses('not-editable');
    spec
      .given(history(create()))
      .when(update({ lines: [] }))
      .thenRefuses('invalid-lines');
    spec
      .given(history(create()))
      .when(update({ lines: [input.lines[0], { description: 'y', quantity: 1, unitPrice: { amount: 1, currency: 'USD' } }] }))
      .thenRefuses('mixed-currencies');
    spec
      .given(history(create()))
      .when(update({ lines: [{ description: 'x', quantity: 2, unitPrice: eur(MAX_AMOUNT) }] }))
      .thenRefuses('amount-too-large');
  });

  it('lets the requester edit again after changes were requested, at the new version', () => {
    const state = history(create(), submit(), reject(LEAD, 'Fewer docks', 'changes-requested'));
    expect(state.request).toMatchObject({ status: 'changes-requested', version: 3 });
    expect(eventsOf(state, update({ title: 'Laptops only' }, 3))).toHaveLength(1);
  });
});

describe('request decider: submit fixes the chain', () => {
  it('takes the team lead alone up to 1,000,000', () => {
    const [event] = eventsOf(history(create()), submit());
    expect(event).toEqual({
      type: 'RequestSubmitted',
      data: {
        requestId: ID,
        departmentId: 'team',
        fiscalYear: 2030,
        total: eur(TOTAL),
        tier: { upTo: 1_000_000, steps: ['department-lead'] },
        policyDepartmentId: null,
        chain: [{ kind: 'department-lead', approverId: LEAD, departmentId: 'team' }],
        submittedAt: NOW,
      },
    });
  });

  it('adds the head of the parent unit up to 10,000,000, and an accountant above', () => {
    expect(history(create(big), submit()).request!.chain.map((s) => s.approverId)).toEqual([LEAD, HEAD]);
    expect(history(create(huge), submit()).request!.chain.map((s) => [s.kind, s.approverId])).toEqual([
      ['department-lead', LEAD],
      ['parent-lead', HEAD],
      ['accountant', null],
    ]);
  });

  it('uses the nearest department’s own policy: inherited down the tree unless overridden', () => {
    const strict: ApprovalTier[] = [{ upTo: null, steps: ['department-lead', 'accountant'] }];
    const onlyHead: ApprovalTier[] = [{ upTo: null, steps: ['parent-lead'] }];
    const inherited = history(create(), submit(units({ division: { policy: strict } })));
    expect(inherited.request!.chain.map((s) => s.kind)).toEqual(['department-lead', 'accountant']);
    const [event] = eventsOf(history(create()), submit(units({ division: { policy: strict }, team: { policy: onlyHead } })));
    expect(event.data).toMatchObject({ policyDepartmentId: 'team', chain: [{ kind: 'parent-lead', approverId: HEAD }] });
  });

  it('escalates a lead step past a unit without a lead and past the requester', () => {
    expect(history(create(big), submit(units({ team: { leadId: null } }))).request!.chain.map((s) => s.approverId)).toEqual([HEAD, CEO]);
    // the team lead's own request: their step goes to the head above, the next to the top
    const own = history(
      { ...create(big), data: { ...(create(big).data as object), requester: { userId: LEAD, name: 'Lee' } } } as RequestCommand,
      submit(units(), LEAD),
    );
    expect(own.request!.chain.map((s) => s.approverId)).toEqual([HEAD, CEO]);
  });

  it('refuses a chain nobody can approve', () => {
    expect(
      spec
        .given(history(create(big)))
        .when(submit(units({ company: { leadId: null }, division: { leadId: LEAD } })))
        .thenRefuses('no-approver'),
    ).toMatchObject({ kind: 'conflict' });
  });

  it('refuses anyone but the requester, and a request past draft', () => {
    spec.given({ request: null }).when(submit()).thenRefuses('not-found');
    spec.given(history(create())).when(submit(units(), LEAD)).thenRefuses('not-requester');
    spec.given(history(create(), submit())).when(submit()).thenRefuses('not-editable');
  });
});

describe('request decider: approve and reject', () => {
  it('approves step by step; the last step approves the request', () => {
    const submitted = history(create(huge), submit());
    const [step0] = eventsOf(submitted, approve(LEAD));
    expect(step0).toEqual({
      type: 'RequestStepApproved',
      data: { requestId: ID, step: 0, kind: 'department-lead', approverId: LEAD, comment: 'ok', approvedAt: NOW },
    });
    const afterTwo = history(create(huge), submit(), approve(LEAD), approve(HEAD));
    expect(afterTwo.request).toMatchObject({ status: 'submitted', version: 4 });
    expect(eventsOf(afterTwo, approve(ACCOUNTANT, ['accountant']))).toEqual([
      { type: 'RequestStepApproved', data: { requestId: ID, step: 2, kind: 'accountant', approverId: ACCOUNTANT, comment: 'ok', approvedAt: NOW } },
      { type: 'RequestApproved', data: { requestId: ID, total: eur(50_000_000), approvedAt: NOW } },
    ]);
    const approved = history(create(huge), submit(), approve(LEAD), approve(HEAD), approve(ACCOUNTANT, ['accountant']));
    expect(approved.request).toMatchObject({ status: 'approved', version: 6 });
    expect(approved.request!.chain.map((s) => s.decidedBy)).toEqual([LEAD, HEAD, ACCOUNTANT]);
  });

  it('lets only whoever the current step names decide it', () => {
    const submitted = history(create(big), submit());
    for (const who of [HEAD, CEO, ACCOUNTANT]) {
      expect(
        spec
          .given(submitted)
          .when(approve(who, ['accountant', 'team-lead']))
          .thenRefuses('not-approver'),
      ).toMatchObject({ kind: 'forbidden' });
      spec.given(submitted).when(reject(who)).thenRefuses('not-approver');
    }
    // an accountant step takes an accountant, not a lead
    const atAccountant = history(create(huge), submit(), approve(LEAD), approve(HEAD));
    spec
      .given(atAccountant)
      .when(approve(CEO, ['team-lead']))
      .thenRefuses('not-approver');
  });

  it('never lets the requester decide, even holding every role', () => {
    const ownState = history(create(huge), submit(), approve(LEAD), approve(HEAD));
    expect(
      spec
        .given(ownState)
        .when(approve(ALICE, ['accountant']))
        .thenRefuses('own-request'),
    ).toMatchObject({ kind: 'forbidden' });
    spec
      .given(ownState)
      .when(reject(ALICE, 'no', 'rejected', ['accountant']))
      .thenRefuses('own-request');
  });

  it('never lets the same person approve twice in one chain', () => {
    // the head is also an accountant: approving the parent step, then the accountant step
    const state = history(create(huge), submit(), approve(LEAD), approve(HEAD));
    spec
      .given(state)
      .when(approve(HEAD, ['accountant']))
      .thenRefuses('approver-repeated');
    spec
      .given(state)
      .when(reject(LEAD, 'changed my mind', 'rejected', ['accountant']))
      .thenRefuses('approver-repeated');
  });

  it('refuses decisions on a request that does not wait for one', () => {
    spec.given({ request: null }).when(approve(LEAD)).thenRefuses('not-found');
    spec.given({ request: null }).when(reject(LEAD)).thenRefuses('not-found');
    for (const state of [history(create()), history(create(), submit(), approve(LEAD)), history(create(), cancel())]) {
      spec.given(state).when(approve(LEAD)).thenRefuses('not-pending');
      spec.given(state).when(reject(LEAD)).thenRefuses('not-pending');
    }
  });

  it('needs a reason to reject', () => {
    spec.given(history(create(), submit())).when(reject(LEAD, '  ')).thenRefuses('reason-required');
  });

  it('closes on a rejection, returns to the requester on changes requested, and a resubmit fixes a fresh chain', () => {
    const [event] = eventsOf(history(create(big), submit(), approve(LEAD)), reject(HEAD, ' Over budget '));
    expect(event).toEqual({
      type: 'RequestRejected',
      data: { requestId: ID, step: 1, kind: 'rejected', rejectedBy: HEAD, reason: 'Over budget', rejectedAt: NOW },
    });
    expect(history(create(), submit(), reject(LEAD)).request!.status).toBe('rejected');
    const again = history(create(big), submit(), approve(LEAD), reject(HEAD, 'Cheaper vendor', 'changes-requested'), update({ vendor: 'Bolt' }, 4), submit());
    expect(again.request).toMatchObject({ status: 'submitted', vendor: 'Bolt', version: 6 });
    expect(again.request!.chain.map((s) => s.decidedBy)).toEqual([null, null]);
  });
});

describe('request decider: cancel and pay', () => {
  it.each([
    ['draft', [] as RequestCommand[]],
    ['submitted', [submit()]],
    ['changes-requested', [submit(), reject(LEAD, 'x', 'changes-requested')]],
    ['approved', [submit(), approve(LEAD)]],
  ])('cancels a %s request, saying what it was', (status, steps) => {
    const state = history(create(), ...steps);
    expect(eventsOf(state, cancel())).toEqual([
      { type: 'RequestCancelled', data: { requestId: ID, cancelledBy: ALICE, previousStatus: status, cancelledAt: NOW } },
    ]);
  });

  it('cancelling again changes nothing; a paid or rejected request cannot be cancelled; only the requester cancels', () => {
    spec.given(history(create(), cancel())).when(cancel()).thenEmitsNothing();
    spec
      .given(history(create(), submit(), approve(LEAD), pay()))
      .when(cancel())
      .thenRefuses('already-paid');
    spec
      .given(history(create(), submit(), reject(LEAD)))
      .when(cancel())
      .thenRefuses('request-closed');
    spec.given(history(create())).when(cancel(LEAD)).thenRefuses('not-requester');
    spec.given({ request: null }).when(cancel()).thenRefuses('not-found');
  });

  it('pays only a fully approved request, never the payer’s own', () => {
    const approved = history(create(), submit(), approve(LEAD));
    expect(eventsOf(approved, pay())).toEqual([
      { type: 'RequestPaid', data: { requestId: ID, paidBy: ACCOUNTANT, paymentReference: 'PAY-1', total: eur(TOTAL), paidAt: NOW } },
    ]);
    for (const state of [history(create()), history(create(big), submit(), approve(LEAD)), history(create(), submit(), approve(LEAD), pay())]) {
      spec.given(state).when(pay()).thenRefuses('not-approved');
    }
    spec.given(approved).when(pay(ALICE)).thenRefuses('own-request');
    spec.given({ request: null }).when(pay()).thenRefuses('not-found');
  });
});

spec.itRaisesEveryDeclaredRefusal();
