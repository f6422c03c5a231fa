/**
 * No host of the list was a primary that accepts writes: every one refused the connection, or is
 * a standby (in recovery) or read-only. In a failover this lasts until the standby is promoted, so
 * it counts as the database being unavailable, and the operation may be retried.
 */
export class NoPrimaryFound extends AggregateError {
  constructor(hosts: readonly string[], reasons: readonly unknown[]) {
    super(reasons, `no read-write primary among ${hosts.join(', ')}`);
    this.name = 'NoPrimaryFound';
  }
}
