import { TokenService } from './token.service';

// A token's signature is checked once and then remembered; its expiry must still hold on every later use, exactly
// where jose would put it, and a forged or altered token must never be taken for a remembered one.

const subject = { userId: 'u-1', tokenVersion: 3, sessionId: 's-1', generation: 0 };
const secret = new TextEncoder().encode('0123456789abcdef0123456789abcdef');

describe('TokenService.verify', () => {
  afterEach(() => jest.useRealTimers());

  it('accepts a token again from memory until its expiry, then refuses it as expired', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-02T08:00:00.000Z') });
    const tokens = new TokenService(secret, 60);
    const { token, expiresAt } = await tokens.issue(subject);
    const first = await tokens.verify(token);
    expect(first).toEqual({ ok: true, claims: { ...subject, expiresAt } });
    jest.setSystemTime(expiresAt.getTime() - 1);
    expect(await tokens.verify(token)).toEqual(first);
    jest.setSystemTime(expiresAt.getTime());
    expect(await tokens.verify(token)).toEqual({ ok: false, reason: 'expired' });
    // a fresh service, which has not seen the token, agrees with the remembered answer
    expect(await new TokenService(secret, 60).verify(token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token whose payload or signature was altered after the genuine one was remembered', async () => {
    const tokens = new TokenService(secret, 60);
    const { token } = await tokens.issue(subject);
    expect((await tokens.verify(token)).ok).toBe(true);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, sub: 'u-2' })).toString('base64url');
    expect(await tokens.verify(`${header}.${forgedPayload}.${signature}`)).toEqual({ ok: false, reason: 'invalid' });
    // a character in the middle: the last one carries padding bits, and some changes to it decode to the same bytes
    const at = Math.floor(signature.length / 2);
    const altered = `${signature.slice(0, at)}${signature[at] === 'A' ? 'B' : 'A'}${signature.slice(at + 1)}`;
    expect(await tokens.verify(`${header}.${payload}.${altered}`)).toEqual({ ok: false, reason: 'invalid' });
    // one signed with another key
    const other = await new TokenService(new TextEncoder().encode('another secret of thirty-two b!!'), 60).issue(subject);
    expect(await tokens.verify(other.token)).toEqual({ ok: false, reason: 'invalid' });
  });
});
