import { describe, expect, it } from 'vitest';
import { planLeadership } from '../../src/es/runtime/leadership-plan.js';

const runtimes = (count: number) => Array.from({ length: count }, (_, index) => `runtime-${String(index).padStart(2, '0')}`);

function loads(targets: Map<string, string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const peer of targets.values()) counts.set(peer, (counts.get(peer) ?? 0) + 1);
  return counts;
}

function expectFair(targets: Map<string, string>, names: string[], peers: string[]): void {
  expect([...targets.keys()].sort()).toEqual([...names].sort());
  const counts = loads(targets);
  for (const peer of peers) {
    expect(counts.get(peer) ?? 0, peer).toBeGreaterThanOrEqual(Math.floor(names.length / peers.length));
    expect(counts.get(peer) ?? 0, peer).toBeLessThanOrEqual(Math.ceil(names.length / peers.length));
  }
}

const moved = (before: Map<string, string>, after: Map<string, string>) =>
  [...after].filter(([name, peer]) => before.has(name) && before.get(name) !== peer).map(([name]) => name);

describe('planLeadership', () => {
  it('gives every runtime to the one instance there is', () => {
    const names = runtimes(18);
    const targets = planLeadership({ names, peers: ['7'], holders: new Map() });
    expect([...targets.values()]).toEqual(names.map(() => '7'));
  });

  it('shares free runtimes fairly, for every count of runtimes and peers', () => {
    for (let count = 0; count <= 20; count++) {
      for (let peerCount = 1; peerCount <= 5; peerCount++) {
        const names = runtimes(count);
        const peers = Array.from({ length: peerCount }, (_, index) => String(100 + index));
        expectFair(planLeadership({ names, peers, holders: new Map() }), names, peers);
      }
    }
  });

  it('leaves a balanced fleet as it is, one runtime with two peers included', () => {
    const names = runtimes(17);
    const peers = ['11', '22', '33'];
    const first = planLeadership({ names, peers, holders: new Map() });
    expect(planLeadership({ names, peers, holders: first })).toEqual(first);
    const holders = new Map([['ledger', '22']]);
    expect(planLeadership({ names: ['ledger'], peers: ['11', '22'], holders })).toEqual(holders);
  });

  it('is the same plan whatever order the peers and names are listed in', () => {
    const names = runtimes(13);
    const holders = new Map(names.slice(0, 9).map((name, index) => [name, ['a', 'b'][index % 2]!]));
    const plan = planLeadership({ names, peers: ['a', 'b', 'c'], holders });
    expect(planLeadership({ names: [...names].reverse(), peers: ['c', 'a', 'b'], holders })).toEqual(plan);
  });

  it('gives a joining peer its share, moving only that many runtimes', () => {
    const names = runtimes(18);
    const before = planLeadership({ names, peers: ['a', 'b', 'c'], holders: new Map() });
    const after = planLeadership({ names, peers: ['a', 'b', 'c', 'd'], holders: before });
    expectFair(after, names, ['a', 'b', 'c', 'd']);
    expect(moved(before, after).sort()).toEqual(
      [...after]
        .filter(([, peer]) => peer === 'd')
        .map(([name]) => name)
        .sort(),
    );
    expect(loads(after).get('d')).toBe(4);
  });

  it('shares a departed peer’s runtimes among the others and moves nothing else', () => {
    const names = runtimes(18);
    const before = planLeadership({ names, peers: ['a', 'b', 'c'], holders: new Map() });
    const survivors = new Map([...before].filter(([, peer]) => peer !== 'c'));
    const after = planLeadership({ names, peers: ['a', 'b'], holders: survivors });
    expectFair(after, names, ['a', 'b']);
    for (const [name, peer] of survivors) expect(after.get(name)).toBe(peer);
  });

  it('takes back runtimes over a share: the fleet after a lone start ends balanced', () => {
    const names = runtimes(18);
    const holders = new Map(names.map((name) => [name, 'first']));
    const after = planLeadership({ names, peers: ['first', 'second', 'third'], holders });
    expectFair(after, names, ['first', 'second', 'third']);
  });

  it('leaves out what an outsider (other code) holds and shares the rest', () => {
    const names = runtimes(10);
    const holders = new Map([
      ['runtime-00', 'old-code'],
      ['runtime-01', 'old-code'],
    ]);
    const targets = planLeadership({ names, peers: ['a', 'b'], holders });
    expect(targets.has('runtime-00')).toBe(false);
    expectFair(targets, names.slice(2), ['a', 'b']);
  });
});
