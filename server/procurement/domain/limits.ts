/** Limits of procurement, shared by the deciders and the HTTP contract (and later the forms). */
export const MAX_LINES = 100;
export const MAX_QUANTITY = 1_000_000;
/** 10^13 minor units: the largest unit price, line amount, request total or budget. */
export const MAX_AMOUNT = 10 ** 13;
export const MAX_TITLE = 200;
export const MAX_LINE_DESCRIPTION = 500;
export const MAX_JUSTIFICATION = 2000;
export const MAX_VENDOR = 200;
export const MAX_REASON = 1000;
export const MAX_COMMENT = 1000;
export const MAX_PAYMENT_REFERENCE = 100;
export const MAX_TIERS = 10;
export const MAX_STEPS_PER_TIER = 5;
