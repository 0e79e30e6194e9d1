/** A projector or reactor failed on the event at `position`; it stops there and tries it again on its next pass. */
export class ConsumerError extends Error {
  constructor(
    readonly consumer: string,
    readonly position: number,
    cause: unknown,
  ) {
    super(`${consumer} failed at event ${position}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ConsumerError';
  }
}
