import { rendezvousWeight } from './rendezvous-weight.js';

export interface LeadershipView {
  /** The runtimes' lock names. */
  names: readonly string[];
  /** The instances sharing these runtimes (this one included), by session id. */
  peers: readonly string[];
  /** Who holds each lock now; a name missing is free. A holder not among `peers` is an outsider (other code). */
  holders: ReadonlyMap<string, string>;
}

/**
 * Which peer should lead each runtime: every peer leads its fair share, floor or ceil of
 * runtimes / peers, and as few runtimes as possible move to get there.
 *
 * - Runtimes an outsider holds are left out: it keeps them, and the peers share the rest.
 * - The peers that lead the most get the shares rounded up; each keeps, up to its share, the
 *   runtimes it already leads (those it weighs highest), so a balanced fleet stays as it is.
 * - Every other runtime (free, or over a peer's share) goes to the peer with room that weighs it
 *   highest (rendezvous hashing), so a joining peer takes about 1/peers of them from each.
 *
 * The answer depends only on the view, so peers that see the same locks agree on it.
 */
export function planLeadership({ names, peers, holders }: LeadershipView): Map<string, string> {
  const members = new Set(peers);
  const pool = [...new Set(names)].filter((name) => !holders.has(name) || members.has(holders.get(name)!)).sort();
  const targets = new Map<string, string>();
  if (members.size === 0) return targets;

  const held = new Map<string, string[]>([...members].map((peer) => [peer, []]));
  for (const name of pool) {
    const holder = holders.get(name);
    if (holder !== undefined) held.get(holder)!.push(name);
  }

  const share = Math.floor(pool.length / members.size);
  const roundedUp = pool.length % members.size;
  const byLoad = [...members].sort((a, b) => held.get(b)!.length - held.get(a)!.length || order(a, b));
  const room = new Map(byLoad.map((peer, rank) => [peer, share + (rank < roundedUp ? 1 : 0)]));

  for (const [peer, leads] of held) {
    const kept = [...leads].sort((a, b) => rendezvousWeight(b, peer) - rendezvousWeight(a, peer) || order(a, b)).slice(0, room.get(peer));
    for (const name of kept) targets.set(name, peer);
    room.set(peer, room.get(peer)! - kept.length);
  }
  for (const name of pool) {
    if (targets.has(name)) continue;
    let best: string | undefined;
    for (const peer of byLoad) {
      if (room.get(peer)! === 0) continue;
      if (best === undefined || rendezvousWeight(name, peer) > rendezvousWeight(name, best)) best = peer;
    }
    // The rooms add up to the pool's size, so there is always one.
    targets.set(name, best!);
    room.set(best!, room.get(best!)! - 1);
  }
  return targets;
}

function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
