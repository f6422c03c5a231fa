import { createHash } from 'node:crypto';

const sha256 = (data: string | Buffer): Buffer => createHash('sha256').update(data).digest();

/**
 * A nonce proves work for an account when the first byte of
 * SHA-256( SHA-256(UTF-8 accountId) ‖ SHA-256(UTF-8 decimal nonce) ) is zero: about one nonce in 256.
 */
export function isProofOfWork(accountId: string, nonce: number): boolean {
  const digest = sha256(Buffer.concat([sha256(Buffer.from(accountId, 'utf8')), sha256(Buffer.from(String(nonce), 'utf8'))]));
  return digest[0] === 0;
}
