import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encryption at rest and keyed hashing of petitioners' personal data (docs/rules.md, "Who sees what": ID number, phone
 * and address are encrypted; the ID number is also stored as a keyed hash for matching repeat petitioners).
 */

const VERSION = 'v1';
const KEY_BYTES = 32;
// 96-bit IVs are GCM's native size; random ones are safe for far more values than an office will ever store.
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Binds the derived key to its single purpose, so no other use of the main key can ever produce the same bytes.
const HASH_KEY_INFO = 'xinfang-pii-hash';

const TAMPERED = '个人信息密文无效或已被篡改，无法解密';

function fromBase64(part: string): Buffer {
  // Buffer.from silently skips characters that are not base64; a strict check keeps a mangled token from decoding.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(part) || part.length % 4 !== 0) throw new Error(TAMPERED);
  return Buffer.from(part, 'base64');
}

/**
 * AES-256-GCM encryption and HMAC-SHA256 hashing of personal data with one 32-byte main key.
 *
 * Tokens look like `v1:<iv>:<tag>:<ciphertext>` (standard base64): self-describing, so the format or key can be
 * rotated later by a new version prefix. The hash key is derived from the main key with HKDF rather than being the
 * main key itself, so that a hash column can never help anyone attack the ciphertexts.
 */
export class PiiCipher {
  private readonly key: Buffer;
  private readonly hashKey: Buffer;

  constructor(key: Buffer) {
    if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
      throw new Error(`个人信息加密密钥须为 ${KEY_BYTES} 字节`);
    }
    // Own copies: a caller zeroing or reusing its buffer must not change what this instance encrypts with.
    this.key = Buffer.from(key);
    this.hashKey = Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), HASH_KEY_INFO, KEY_BYTES));
  }

  /** Encrypts `plain` with a fresh random IV: the same value gives a different token every time. */
  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, iv.toString('base64'), tag.toString('base64'), ciphertext.toString('base64')].join(':');
  }

  /** Decrypts a token made by {@link encrypt}; throws an Error when it is malformed, altered or from another key. */
  decrypt(token: string): string {
    const parts = typeof token === 'string' ? token.split(':') : [];
    if (parts.length !== 4 || parts[0] !== VERSION) throw new Error(TAMPERED);
    const iv = fromBase64(parts[1]);
    const tag = fromBase64(parts[2]);
    const ciphertext = fromBase64(parts[3]);
    // A short tag would let GCM accept forgeries far more easily; demand the full length we always write.
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error(TAMPERED);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      // OpenSSL's message says nothing useful to a caller and the cause must not leak into client errors.
      throw new Error(TAMPERED);
    }
  }

  /**
   * A keyed, deterministic hash of `value` (64 hex characters) for finding the same ID number or phone across
   * cases without decrypting. Callers hash the normalised form, so that spelling variants match.
   */
  hash(value: string): string {
    return createHmac('sha256', this.hashKey).update(value, 'utf8').digest('hex');
  }
}
