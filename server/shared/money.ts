/**
 * An amount of money: integer minor units (cents, won) and an ISO 4217 currency code. Never a
 * float: sums and comparisons are exact. Procurement and cards both count in it.
 */
export interface Money {
  amount: number;
  currency: string;
}

export const money = (amount: number, currency: string): Money => {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`A money amount is a whole number of minor units, not ${amount}`);
  return { amount, currency };
};

function sameCurrency(a: Money, b: Money): string {
  if (a.currency !== b.currency) throw new RangeError(`Cannot combine ${a.currency} with ${b.currency}`);
  return a.currency;
}

export const addMoney = (a: Money, b: Money): Money => money(a.amount + b.amount, sameCurrency(a, b));
export const subtractMoney = (a: Money, b: Money): Money => money(a.amount - b.amount, sameCurrency(a, b));
/** Negative, zero or positive as `a` is less than, equal to or more than `b`. */
export const compareMoney = (a: Money, b: Money): number => {
  sameCurrency(a, b);
  return Math.sign(a.amount - b.amount);
};
/** `quantity` units at `unitPrice` each, exact (the quantity is a whole number). */
export const timesMoney = (unitPrice: Money, quantity: number): Money => money(unitPrice.amount * quantity, unitPrice.currency);
export const sumMoney = (amounts: readonly Money[], currency: string): Money => amounts.reduce(addMoney, money(0, currency));
