import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@/server/testing/decider-spec';
import { type DepartmentCommand, departmentDecider, type DepartmentDecisionState, type MemberState } from './department-decider';
import { MAX_DEPARTMENT_LEVEL } from './organization-limits';

const spec = deciderSpec(departmentDecider);
const decide = departmentDecider.decide;
const NOW = '2030-01-01T00:00:00.000Z';

const create = (parentId: string | null = null): DepartmentCommand => ({
  type: 'CreateDepartment',
  data: { departmentId: 'd', name: 'Sales', parentId, now: NOW },
});
const assign = (leads = false, userId = 'u'): DepartmentCommand => ({ type: 'AssignMember', data: { userId, leads, now: NOW } });
const department = (leadId: string | null = null) => ({ departmentId: 'd', name: 'Sales', parentId: null, level: 0, leadId, version: 1 });
const member = (overrides: Partial<MemberState> = {}): MemberState => ({ userId: 'u', departmentId: null, leadsDepartmentId: null, ...overrides });
const withMember = (leadId: string | null, m: MemberState | null): DepartmentDecisionState => ({ department: department(leadId), member: m });

describe('department decider: the tree', () => {
  it('creates a root, and a unit one level below its parent', () => {
    const root = spec
      .given({ department: null, parent: null })
      .when(create())
      .thenEmits([{ type: 'DepartmentCreated', data: { departmentId: 'd', name: 'Sales', parentId: null, level: 0, createdAt: NOW } }]);
    expect(root.department).toMatchObject({ level: 0, leadId: null, version: 1 });
    expect(decide(create('p'), { department: null, parent: { departmentId: 'p', level: 1 } })[0].data).toMatchObject({ parentId: 'p', level: 2 });
  });

  it('refuses an existing id, an unknown parent, and a tree deeper than the limit', () => {
    spec.given({ department: department(), parent: null }).when(create()).thenRefuses('department-exists');
    expect(spec.given({ department: null }).when(create('p')).thenRefuses('parent-not-found')).toMatchObject({ kind: 'not-found' });
    spec
      .given({ department: null, parent: { departmentId: 'p', level: MAX_DEPARTMENT_LEVEL } })
      .when(create('p'))
      .thenRefuses('tree-too-deep');
  });
});

describe('department decider: members and leads', () => {
  it('moves a user into the department, saying where from', () => {
    const state = spec
      .given(withMember(null, member({ departmentId: 'old' })))
      .when(assign())
      .thenEmits([{ type: 'MemberAssigned', data: { departmentId: 'd', userId: 'u', previousDepartmentId: 'old', assignedAt: NOW } }]);
    expect(state.member).toMatchObject({ departmentId: 'd' });
    expect(state.department).toMatchObject({ version: 2 });
  });

  it('makes a member its lead, replacing the previous one', () => {
    const state = spec
      .given(withMember('u-old', member()))
      .when(assign(true))
      .thenEmits([
        { type: 'MemberAssigned', data: { departmentId: 'd', userId: 'u', previousDepartmentId: null, assignedAt: NOW } },
        { type: 'DepartmentLeadChanged', data: { departmentId: 'd', leadId: 'u', previousLeadId: 'u-old', changedAt: NOW } },
      ]);
    expect(state.department).toMatchObject({ leadId: 'u', version: 3 });
    expect(state.member).toMatchObject({ departmentId: 'd', leadsDepartmentId: 'd' });
  });

  it('stops a lead leading when assigned without leads; other members leave the lead alone', () => {
    const lead = member({ departmentId: 'd', leadsDepartmentId: 'd' });
    spec
      .given(withMember('u', lead))
      .when(assign(false))
      .thenEmits([{ type: 'DepartmentLeadChanged', data: { departmentId: 'd', leadId: null, previousLeadId: 'u', changedAt: NOW } }]);
    spec
      .given(withMember('u-lead', member({ departmentId: 'd' })))
      .when(assign(false))
      .thenEmitsNothing();
    spec.given(withMember('u', lead)).when(assign(true)).thenEmitsNothing();
  });

  it('refuses an unknown department or user, and a user who leads another department', () => {
    expect(spec.given({ department: null, member: member() }).when(assign()).thenRefuses('department-not-found')).toMatchObject({ kind: 'not-found' });
    expect(spec.given(withMember(null, null)).when(assign()).thenRefuses('user-not-found')).toMatchObject({ kind: 'not-found' });
    for (const leads of [true, false]) {
      spec
        .given(withMember(null, member({ departmentId: 'other', leadsDepartmentId: 'other' })))
        .when(assign(leads))
        .thenRefuses('leads-another-department');
    }
  });
});

spec.itRaisesEveryDeclaredRefusal();
