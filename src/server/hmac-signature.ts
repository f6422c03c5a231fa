import { createHmac, timingSafeEqual } from 'node:crypto';

/** `sha256=<hex>` of the HMAC-SHA256 of `body` under `secret`: what a signing sender puts in its header. */
export function hmacSignature(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Whether `header` is the signature of `body`, compared in constant time. */
export function verifyHmacSignature(secret: string, body: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(hmacSignature(secret, body));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
