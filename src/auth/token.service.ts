import { createSecretKey, type KeyObject } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';

export interface TokenClaims {
  userId: string;
  tokenVersion: number;
  /** The login (token family) the token belongs to. */
  sessionId: string;
  /** Which rotation of that login issued it; only the newest may be refreshed. */
  generation: number;
  expiresAt: Date;
}

/** What a token is issued for: whose it is and its place in a login's chain of refreshes. */
export interface TokenSubject {
  userId: string;
  tokenVersion: number;
  sessionId: string;
  generation: number;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'expired' | 'invalid' };

const ISSUER = 'xinfang-api';
/** Tokens whose signature was checked, remembered so that each is verified once, not on every request. */
const VERIFIED_KEPT = 5000;

/** Signs and verifies the bearer tokens (HS256 JWT). */
export class TokenService {
  // imported once: given raw bytes, jose imports the key again on every request's verification
  private readonly key: KeyObject;
  private readonly verified = new LRUCache<string, TokenClaims>({ max: VERIFIED_KEPT });

  constructor(
    secret: Uint8Array,
    private readonly ttlSeconds: number,
  ) {
    this.key = createSecretKey(secret);
  }

  async issue(subject: TokenSubject, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.ttlSeconds;
    const token = await new SignJWT({ tv: subject.tokenVersion, sid: subject.sessionId, gen: subject.generation })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(subject.userId)
      .setIssuer(ISSUER)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /**
   * The token's claims when its signature, issuer and expiry hold. A token verified before is taken from memory
   * while it has not expired: its signature cannot change, and whether its login still counts is decided on every
   * request from the session, not here.
   */
  async verify(token: string): Promise<TokenCheck> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAt.getTime() > Date.now()) return { ok: true, claims: known };
      this.verified.delete(token);
      return { ok: false, reason: 'expired' };
    }
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      const { sub, tv, sid, gen, exp } = payload;
      if (typeof sub !== 'string' || typeof tv !== 'number' || typeof sid !== 'string' || typeof gen !== 'number' || typeof exp !== 'number') {
        return { ok: false, reason: 'invalid' };
      }
      const claims = { userId: sub, tokenVersion: tv, sessionId: sid, generation: gen, expiresAt: new Date(exp * 1000) };
      this.verified.set(token, claims);
      return { ok: true, claims };
    } catch (err) {
      return { ok: false, reason: err instanceof errors.JWTExpired ? 'expired' : 'invalid' };
    }
  }
}

/** Extracts the token from an `Authorization: Bearer …` value. */
export function bearerToken(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1];
}
