import { Eventual } from './eventual';

describe('Eventual', () => {
  it('gives the promise until it has resolved, then the value itself, and maps without a promise once resolved', async () => {
    let resolve!: (v: number) => void;
    const e = new Eventual(new Promise<number>((r) => (resolve = r)));
    expect(e.now).toBeInstanceOf(Promise);
    expect(e.map((v) => v + 1)).toBeInstanceOf(Promise);
    resolve(41);
    await e.promise;
    expect(e.now).toBe(41);
    expect(e.map((v) => v + 1)).toBe(42);
  });

  it('leaves a rejection to whoever awaits it, and never resolves to a value', async () => {
    const e = new Eventual(Promise.reject(new Error('failed')));
    await expect(e.promise).rejects.toThrow('failed');
    expect(e.now).toBeInstanceOf(Promise);
  });
});
