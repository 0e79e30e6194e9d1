/** Markdown helpers shared by the benchmark reports. */
export const row = (cells: unknown[]) => `| ${cells.map((c) => (c === undefined || c === null ? '' : String(c))).join(' | ')} |`;
export const table = (head: string[], rows: unknown[][]) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
export const errs = (e: Record<string, number> | undefined) => {
  const entries = Object.entries(e ?? {});
  return entries.length ? entries.map(([k, v]) => `${v}× ${k}`).join(', ') : '0';
};
