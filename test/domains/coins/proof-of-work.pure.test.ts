import { describe, expect, it } from 'vitest';
import { isProofOfWork } from '../../../src/domains/coins/proof-of-work.js';
import { referenceProofOfWork } from './reference-proof-of-work.js';

// Found by a search over nonces 0.. and checked with `openssl dgst -sha256` on the shell.
const valid: Array<[string, number]> = [
  ['alice', 358],
  ['alice', 627],
  ['alice', 1754],
  ['bob', 447],
  ['bob', 474],
  ['Zoë', 148],
  ['Zoë', 164],
];
const invalid: Array<[string, number]> = [
  ['alice', 0],
  ['alice', 357],
  ['alice', 359],
  ['bob', 358],
  ['bob', 446],
  ['Zoë', 147],
  // A nonce proves work for one account, not for a similar id.
  ['Zoe', 148],
];

describe('proof of work', () => {
  it('accepts the known-good pairs', () => {
    for (const [accountId, nonce] of valid) expect(isProofOfWork(accountId, nonce), `${accountId} ${nonce}`).toBe(true);
  });

  it('refuses the known-bad pairs', () => {
    for (const [accountId, nonce] of invalid) expect(isProofOfWork(accountId, nonce), `${accountId} ${nonce}`).toBe(false);
  });

  it('agrees with an independent implementation on every nonce up to 3000', () => {
    for (const accountId of ['alice', 'Zoë', '']) {
      const disagreements = Array.from({ length: 3000 }, (_, nonce) => nonce).filter(
        (nonce) => isProofOfWork(accountId, nonce) !== referenceProofOfWork(accountId, nonce),
      );
      expect(disagreements).toEqual([]);
    }
  });

  it('holds for about one nonce in 256', () => {
    const hits = Array.from({ length: 25_600 }, (_, nonce) => nonce).filter((nonce) => isProofOfWork('carol', nonce)).length;
    expect(hits).toBeGreaterThan(60);
    expect(hits).toBeLessThan(150);
  });
});
