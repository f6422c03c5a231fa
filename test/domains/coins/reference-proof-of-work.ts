import { createHash } from 'node:crypto';

/**
 * The proof of work written out again, independently of src/: hex digests joined and decoded,
 * then the first byte read from the hex. Tests use it to mine and to check the hard-coded pairs.
 */
export function referenceProofOfWork(accountId: string, nonce: number): boolean {
  const hex = (input: Buffer) => createHash('sha256').update(input).digest('hex');
  const joined = Buffer.from(hex(Buffer.from(accountId, 'utf8')) + hex(Buffer.from(nonce.toString(10), 'utf8')), 'hex');
  return hex(joined).startsWith('00');
}

/** The first `count` nonces after `after` that prove work for the account. */
export function mineNonces(accountId: string, count: number, after = -1): number[] {
  const nonces: number[] = [];
  for (let nonce = after + 1; nonces.length < count; nonce++) if (referenceProofOfWork(accountId, nonce)) nonces.push(nonce);
  return nonces;
}
