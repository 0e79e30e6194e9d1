import { describe, expect, it } from 'vitest';
import { addMoney, compareMoney, money, subtractMoney, sumMoney, timesMoney } from './money';

describe('money', () => {
  const eur = (amount: number) => money(amount, 'EUR');

  it('adds, subtracts and multiplies exactly in minor units', () => {
    // 0.1 + 0.2 in euros is 10 + 20 cents: no float error can appear.
    expect(addMoney(eur(10), eur(20))).toEqual(eur(30));
    expect(subtractMoney(eur(10), eur(25))).toEqual(eur(-15));
    expect(timesMoney(eur(333), 3)).toEqual(eur(999));
    expect(sumMoney([eur(1), eur(2), eur(3)], 'EUR')).toEqual(eur(6));
    expect(sumMoney([], 'KRW')).toEqual(money(0, 'KRW'));
  });

  it('compares amounts of one currency', () => {
    expect([compareMoney(eur(1), eur(2)), compareMoney(eur(2), eur(2)), compareMoney(eur(3), eur(2))]).toEqual([-1, 0, 1]);
  });

  it('refuses fractions and amounts beyond exact integers', () => {
    expect(() => money(1.5, 'EUR')).toThrow(RangeError);
    expect(() => timesMoney(eur(2 ** 52), 4)).toThrow(RangeError);
  });

  it('never combines two currencies', () => {
    expect(() => addMoney(eur(1), money(1, 'USD'))).toThrow(/EUR with USD/);
    expect(() => compareMoney(eur(1), money(1, 'USD'))).toThrow(RangeError);
    expect(() => compareMoney(eur(1), money(2, 'USD'))).toThrow(RangeError);
  });
});
