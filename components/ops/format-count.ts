const number = new Intl.NumberFormat();

/** A count with thousands separators; a dash when there is none. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : number.format(n);
}
