import { createHash } from 'node:crypto';

/**
 * Highest-random-weight (rendezvous) hashing: how much `peer` wants `name`. Every instance computes
 * the same weight for the same pair, and a pair's weight does not depend on who else is there, so
 * a peer joining or leaving moves only the runtimes it wins or held.
 */
export function rendezvousWeight(name: string, peer: string): number {
  // 48 bits of a SHA-256: plenty to order a few peers, and exact in a double.
  return createHash('sha256').update(`${name}\u0000${peer}`).digest().readUIntBE(0, 6);
}
