import pino from 'pino';
import { Unit } from '../entities/unit.entity';
import type { AppPubSub } from '../subscriptions/pubsub';
import { UnitDirectory } from './unit-directory';

// The unit tree in memory: when a unit may be taken from it at once (peekById), and that asking never starts a read
// of its own, so a list row in a transaction or during a Redis outage goes to the batched loader instead.

function fakeBus(connected: { value: boolean }): AppPubSub {
  const idle = { [Symbol.asyncIterator]: () => idle, next: () => new Promise(() => undefined), return: async () => ({ done: true, value: undefined }) };
  return {
    subscribe: () => idle,
    local: { subscribe: () => idle },
    connected: () => connected.value,
    publish: async () => undefined,
  } as unknown as AppPubSub;
}

function reader(units: Unit[], inTransaction = false) {
  const reads = { count: 0 };
  return {
    reads,
    transactionManager: inTransaction ? ({} as never) : undefined,
    repo: () => ({
      find: async () => {
        reads.count++;
        return units;
      },
    }),
    afterCommitQueue: [],
    afterCommit: (task: () => void) => task(),
  };
}

const unit = (id: string) => Object.assign(new Unit(), { id, name: `单位${id}` });

describe('UnitDirectory.peekById', () => {
  const connected = { value: true };
  let directory: UnitDirectory;
  beforeEach(() => {
    connected.value = true;
    directory = new UnitDirectory(fakeBus(connected), pino({ level: 'silent' }));
  });
  afterEach(() => directory.close());

  it('gives nothing and reads nothing before the tree has been read, then the tree itself', async () => {
    directory.listen();
    const r = reader([unit('a'), unit('b')]);
    expect(directory.peekById(r)).toBeUndefined();
    expect(r.reads.count).toBe(0);
    await directory.byId(r);
    expect(directory.peekById(r)?.get('b')?.name).toBe('单位b');
    expect(r.reads.count).toBe(1);
  });

  it('gives nothing inside a transaction, before listening, while events cannot cross instances, or after a change', async () => {
    const r = reader([unit('a')]);
    await directory.all(r);
    expect(directory.peekById(r)).toBeUndefined(); // not listening: nothing is kept
    directory.listen();
    await directory.byId(r);
    expect(directory.peekById(r)).toBeDefined();
    expect(directory.peekById(reader([], true))).toBeUndefined();
    connected.value = false;
    expect(directory.peekById(r)).toBeUndefined();
    connected.value = true;
    directory.changed(r);
    expect(directory.peekById(r)).toBeUndefined();
    const reads = r.reads.count;
    expect(directory.peekById(r)).toBeUndefined();
    expect(r.reads.count).toBe(reads);
  });
});
