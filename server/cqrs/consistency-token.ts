/**
 * A consistency token names the last event a command wrote, as its place in projector order:
 * (transaction id, position). A projector whose checkpoint is at or past it has applied the command.
 */
export interface LogPosition {
  transactionId: number;
  position: number;
}

export const startOfLog: LogPosition = { transactionId: 0, position: 0 };

export function encodeToken(p: LogPosition): string {
  return `${p.transactionId}.${p.position}`;
}

/** Returns null for anything that is not a token we issued (callers answer 400). */
export function decodeToken(token: string): LogPosition | null {
  const match = /^(\d{1,18})\.(\d{1,18})$/.exec(token.trim());
  if (!match) return null;
  return { transactionId: Number(match[1]), position: Number(match[2]) };
}

export function comparePositions(a: LogPosition, b: LogPosition): number {
  return a.transactionId - b.transactionId || a.position - b.position;
}
