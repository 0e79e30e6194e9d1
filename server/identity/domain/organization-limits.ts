/** Limits of the organization tree, shared by the department decider and the HTTP contract. */
export const MAX_DEPARTMENT_NAME = 100;
/** Levels below a root: company > division > department > team leaves room to spare. */
export const MAX_DEPARTMENT_LEVEL = 5;
