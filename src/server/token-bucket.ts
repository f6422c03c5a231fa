/**
 * Paces spending to `rate` per second, with bursts of up to `burst`. A spender may overdraw (what a
 * read costs is known only once it returns) and then waits until the bucket is above zero again.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt = performance.now();

  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  spend(amount: number): void {
    this.refill();
    this.tokens -= amount;
  }

  /** How long until something may be spent: 0 when it may be now. */
  get waitMs(): number {
    this.refill();
    return this.tokens > 0 ? 0 : Math.ceil(((1 - this.tokens) * 1_000) / this.rate);
  }

  /** How long until the bucket is full again: forgetting it earlier would hand out a fresh burst. */
  get msUntilFull(): number {
    this.refill();
    return Math.ceil(((this.burst - this.tokens) * 1_000) / this.rate);
  }

  private refill(): void {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) * this.rate) / 1_000);
    this.updatedAt = now;
  }
}
