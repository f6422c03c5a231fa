import type { WalLocation } from '../../db/read-replicas.js';

/** How many marks an instance keeps: enough for the positions clients carry in the last moments. */
const CAPACITY = 128;

/**
 * What this instance has learned about the primary's write-ahead log: at `location`, every
 * projector had processed the log up to `position`. A replica that has replayed `location`
 * therefore answers any query asking for `position` or less, however far the primary has moved
 * on since, and the query needs neither a wait for the projectors nor a round trip to the primary.
 */
export class WalMarks {
  private readonly marks: Array<{ position: number; location: bigint; text: WalLocation }> = [];

  record(position: number, location: WalLocation): void {
    const value = lsnValue(location);
    // A mark as far along the log at an earlier location says more: keep the marks a staircase.
    if (this.marks.some((mark) => mark.position >= position && mark.location <= value)) return;
    if (this.marks.length === CAPACITY) this.marks.shift();
    this.marks.push({ position, location: value, text: location });
  }

  /** The earliest location known to hold every projector's writes up to `position`, if any. */
  covering(position: number): WalLocation | undefined {
    let best: { location: bigint; text: WalLocation } | undefined;
    for (const mark of this.marks) if (mark.position >= position && (!best || mark.location < best.location)) best = mark;
    return best?.text;
  }
}

/** PostgreSQL prints an LSN as two hexadecimal halves of a 64-bit number: `16/B374D848`. */
function lsnValue(location: WalLocation): bigint {
  const [high, low] = location.split('/');
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}
