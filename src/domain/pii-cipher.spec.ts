import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { PiiCipher } from './pii-cipher';

const keyA = Buffer.alloc(32, 0xa5);
const keyB = Buffer.alloc(32, 0x5a);

// Rebuilds a token with one part replaced, to simulate tampering with a stored value.
function withPart(token: string, index: number, replace: (b: Buffer) => Buffer): string {
  const parts = token.split(':');
  parts[index] = replace(Buffer.from(parts[index], 'base64')).toString('base64');
  return parts.join(':');
}
const flipFirstBit = (b: Buffer) => {
  const c = Buffer.from(b);
  c[0] ^= 0x01;
  return c;
};

describe('PiiCipher construction', () => {
  it('requires a 32-byte key', () => {
    expect(() => new PiiCipher(Buffer.alloc(16))).toThrow(/32 字节/);
    expect(() => new PiiCipher(Buffer.alloc(33))).toThrow(/32 字节/);
    expect(() => new PiiCipher('x'.repeat(32) as unknown as Buffer)).toThrow(/32 字节/);
  });

  it('keeps its own copy of the key', () => {
    const key = Buffer.alloc(32, 7);
    const cipher = new PiiCipher(key);
    const token = cipher.encrypt('北京市东城区');
    const hash = cipher.hash('x');
    key.fill(0);
    expect(cipher.decrypt(token)).toBe('北京市东城区');
    expect(cipher.hash('x')).toBe(hash);
  });
});

describe('PiiCipher.encrypt / decrypt', () => {
  const cipher = new PiiCipher(keyA);

  it('round-trips Chinese text, ID numbers, phones and the empty string', () => {
    for (const plain of ['北京市东城区东华门街道 1 号院 3 单元 502 室', '11010519491231002X', '+8613800138000', '', '😀 emoji']) {
      expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain);
    }
  });

  it('writes v1:<iv>:<tag>:<ciphertext> with a 12-byte IV and a 16-byte tag', () => {
    const token = cipher.encrypt('张三');
    const [version, iv, tag, ciphertext] = token.split(':');
    expect(version).toBe('v1');
    expect(Buffer.from(iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(tag, 'base64')).toHaveLength(16);
    expect(Buffer.from(ciphertext, 'base64')).toHaveLength(Buffer.byteLength('张三', 'utf8'));
    expect(token).not.toContain('张三');
  });

  it('gives a different token for the same value every time', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => cipher.encrypt('11010519491231002X')));
    expect(tokens.size).toBe(50);
    const ivs = new Set([...tokens].map((t) => t.split(':')[1]));
    expect(ivs.size).toBe(50);
  });

  it('detects a change to the ciphertext, the tag or the IV', () => {
    const token = cipher.encrypt('11010519491231002X');
    for (const index of [1, 2, 3]) {
      expect(() => cipher.decrypt(withPart(token, index, flipFirstBit))).toThrow('个人信息密文无效或已被篡改，无法解密');
    }
  });

  it('refuses a token from another key', () => {
    const other = new PiiCipher(keyB);
    expect(() => other.decrypt(cipher.encrypt('张三'))).toThrow(Error);
  });

  it('refuses truncated tags, wrong IV lengths and malformed tokens', () => {
    const token = cipher.encrypt('张三');
    expect(() => cipher.decrypt(withPart(token, 2, (b) => b.subarray(0, 12)))).toThrow(/篡改/);
    expect(() => cipher.decrypt(withPart(token, 1, (b) => Buffer.concat([b, Buffer.alloc(4)])))).toThrow(/篡改/);
    for (const bad of [
      '',
      'v1',
      token.replace(/^v1/, 'v2'),
      token.split(':').slice(0, 3).join(':'),
      `${token}:extra`,
      token.replace(/:([^:]*)$/, ':!!!!'),
      token.replace(/:([^:]*)$/, (_m, c: string) => `:${c}A`),
      null as unknown as string,
    ]) {
      expect(() => cipher.decrypt(bad)).toThrow(/篡改/);
    }
  });

  it('throws plain Errors, not crypto library errors', () => {
    const token = withPart(cipher.encrypt('张三'), 3, flipFirstBit);
    try {
      cipher.decrypt(token);
      throw new Error('expected decrypt to fail');
    } catch (e) {
      expect(e).toBeInstanceOf(Error);
      expect((e as Error & { code?: string }).code).toBeUndefined();
      expect((e as Error).message).toBe('个人信息密文无效或已被篡改，无法解密');
    }
  });
});

describe('PiiCipher.hash', () => {
  it('is stable, 64 hex characters, and distinguishes values', () => {
    const a = new PiiCipher(keyA);
    const h = a.hash('11010519491231002X');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash('11010519491231002X')).toBe(h);
    expect(new PiiCipher(Buffer.from(keyA)).hash('11010519491231002X')).toBe(h);
    expect(a.hash('11010519491231002x')).not.toBe(h);
    expect(a.hash('')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs per key', () => {
    expect(new PiiCipher(keyA).hash('13800138000')).not.toBe(new PiiCipher(keyB).hash('13800138000'));
  });

  it('uses an HKDF-derived key, never the encryption key itself', () => {
    const value = '11010519491231002X';
    const withRawKey = createHmac('sha256', keyA).update(value).digest('hex');
    const derived = Buffer.from(hkdfSync('sha256', keyA, '', 'xinfang-pii-hash', 32));
    expect(derived.equals(keyA)).toBe(false);
    expect(new PiiCipher(keyA).hash(value)).not.toBe(withRawKey);
    expect(new PiiCipher(keyA).hash(value)).toBe(createHmac('sha256', derived).update(value).digest('hex'));
  });

  it('is not a plain SHA-256 of the value', () => {
    const value = '11010519491231002X';
    expect(new PiiCipher(keyA).hash(value)).not.toBe(createHash('sha256').update(value).digest('hex'));
  });
});
