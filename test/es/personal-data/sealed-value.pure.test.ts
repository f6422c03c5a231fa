import { describe, expect, it } from 'vitest';
import { isSealed, keyIdOf, newDataKey, open, seal } from '../../../src/es/personal-data/sealed-value.js';

const keyId = '6f1c2a7e-0b1d-4c5e-9a8f-1234567890ab';

describe('sealed personal values (AES-256-GCM)', () => {
  it('opens to the value sealed, names its key, and hides the plaintext', () => {
    const key = newDataKey();
    const sealed = seal('Ada Lovelace', keyId, key);
    expect(isSealed(sealed)).toBe(true);
    expect(keyIdOf(sealed)).toBe(keyId);
    expect(JSON.stringify(sealed)).not.toContain('Ada');
    expect(open(sealed, key)).toBe('Ada Lovelace');
    expect(open(seal({ email: 'ada@example.com', n: 1 }, keyId, key), key)).toEqual({ email: 'ada@example.com', n: 1 });
  });

  it('seals one value differently each time (a fresh IV)', () => {
    const key = newDataKey();
    expect(seal('Ada', keyId, key).$pii).not.toBe(seal('Ada', keyId, key).$pii);
  });

  it('refuses another key and an altered ciphertext', () => {
    const key = newDataKey();
    const sealed = seal('Ada Lovelace', keyId, key);
    expect(() => open(sealed, newDataKey())).toThrow();
    const parts = sealed.$pii.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0]! ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => open({ $pii: parts.join('.') }, key)).toThrow();
  });

  it('tells sealed values from plain ones', () => {
    expect(isSealed('v1.x.y.z')).toBe(false);
    expect(isSealed({ $pii: 3 })).toBe(false);
    expect(isSealed(null)).toBe(false);
    expect(() => keyIdOf({ $pii: 'v2.a.b.c' })).toThrow('Not a sealed personal value');
  });
});
