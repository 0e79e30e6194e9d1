/** The fiscal year a moment falls in: the calendar year in UTC (one organization, one calendar). */
export const fiscalYearOf = (iso: string): number => new Date(iso).getUTCFullYear();
