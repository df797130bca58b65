import { InFlight } from './in-flight';

const later = <T>(ms: number, value: T, fail = false) => new Promise<T>((resolve, reject) => setTimeout(() => (fail ? reject(new Error(String(value))) : resolve(value)), ms));

describe('InFlight: what the stop waits for before the database closes', () => {
  it('is settled at once when nothing runs, and counts promises only', async () => {
    const work = new InFlight();
    expect(work.track(42)).toBe(42);
    expect(work.count).toBe(0);
    expect(await work.settled(0)).toBe(true);
  });

  it('settles when the last tracked work ends, failed work included, and hands each result back unchanged', async () => {
    const work = new InFlight();
    const a = work.track(later(20, 'a'));
    const b = work.track(later(40, 'b', true));
    expect(work.count).toBe(2);
    const settled = work.settled(1_000);
    await expect(a).resolves.toBe('a');
    await expect(b).rejects.toThrow('b');
    expect(await settled).toBe(true);
    expect(work.count).toBe(0);
  });

  it('gives up after the timeout while work still runs, and keeps counting it', async () => {
    const work = new InFlight();
    const slow = work.track(later(200, 'slow'));
    expect(await work.settled(20)).toBe(false);
    expect(work.count).toBe(1);
    await slow;
    expect(work.count).toBe(0);
  });

  it('counts an Express handler until its promise settles', async () => {
    const work = new InFlight();
    const handler = work.handler(() => later(20, undefined));
    const running = handler({} as never, {} as never, () => undefined) as Promise<void>;
    expect(work.count).toBe(1);
    await running;
    expect(work.count).toBe(0);
  });
});
