import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * A personal value as stored: `{ "$pii": "v1.<key id>.<iv>.<ciphertext and tag>" }`, AES-256-GCM
 * over the value's JSON with a 96-bit random IV, base64url. The key id says which data key opens it.
 */
export interface SealedValue {
  $pii: string;
}

const ALGORITHM = 'aes-256-gcm';
const VERSION = 'v1';
const TAG_BYTES = 16;

export function isSealed(value: unknown): value is SealedValue {
  return typeof value === 'object' && value !== null && typeof (value as SealedValue).$pii === 'string';
}

/** A fresh random 256-bit data key. */
export function newDataKey(): Buffer {
  return randomBytes(32);
}

/** Encrypts a JSON value with a subject's data key. */
export function seal(value: unknown, keyId: string, key: Uint8Array): SealedValue {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { $pii: [VERSION, keyId, iv.toString('base64url'), ciphertext.toString('base64url')].join('.') };
}

/** The id of the key that opens a sealed value. */
export function keyIdOf(sealed: SealedValue): string {
  return parse(sealed).keyId;
}

/** Decrypts a sealed value; throws when the key is not the one it was sealed with or the value was altered. */
export function open(sealed: SealedValue, key: Uint8Array): unknown {
  const { iv, ciphertext } = parse(sealed);
  const decipher = createDecipheriv(ALGORITHM, key, iv);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - TAG_BYTES));
  const plaintext = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - TAG_BYTES)), decipher.final()]);
  return JSON.parse(plaintext.toString('utf8'));
}

function parse({ $pii }: SealedValue): { keyId: string; iv: Buffer; ciphertext: Buffer } {
  const [version, keyId, iv, ciphertext] = $pii.split('.');
  if (version !== VERSION || !keyId || !iv || !ciphertext) throw new Error('Not a sealed personal value');
  return { keyId, iv: Buffer.from(iv, 'base64url'), ciphertext: Buffer.from(ciphertext, 'base64url') };
}
