import { QueryFailedError, SelectQueryBuilder } from 'typeorm';
import { entitiesOf, rawAndEntities } from '../src/db/entity-rows';
import { assignedCase, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { createTestServer, type TestServer } from './harness/test-server';

// Lists and loaders turn rows into entities with a mapping worked out once per entity (src/db/entity-rows.ts) rather
// than with TypeORM's transformer. Whatever the engine, every entity must come out exactly as TypeORM makes it:
// the same class, the same properties, the same values and types (instants, flags, enums, JSON, nulls).

describe('rows read into entities the same as TypeORM reads them', () => {
  let t: TestServer;
  let p: CountyPeople;

  beforeAll(async () => {
    t = await createTestServer();
    p = await seedCountyPeople(t);
    for (let i = 0; i < 3; i++) {
      await assignedCase(p.registrar, p.county.government, { summary: `反映第${i + 1}件事`, personCount: i + 1 });
    }
  });
  afterAll(() => t?.close());

  /** Runs `read` and says whether it went to TypeORM's own reading instead of the reader under test. */
  async function viaTypeorm<T>(read: () => Promise<T>): Promise<{ result: T; typeorm: boolean }> {
    const spy = jest.spyOn(SelectQueryBuilder.prototype, 'getRawAndEntities');
    try {
      const result = await read();
      return { result, typeorm: spy.mock.calls.length > 0 };
    } finally {
      spy.mockRestore();
    }
  }

  it('reads every table of the schema identically, row for row', async () => {
    const dataSource = t.server.runtime.db.dataSource;
    let rowsCompared = 0;
    for (const metadata of dataSource.entityMetadatas) {
      const qb = () => dataSource.createQueryBuilder(metadata.target, 'e').orderBy(`e.${metadata.primaryColumns[0].propertyName}`).limit(50);
      const theirs = await qb().getRawAndEntities();
      const { result: ours, typeorm } = await viaTypeorm(() => rawAndEntities(qb()));
      expect(typeorm).toBe(false);
      // nothing is selected besides the entity's columns
      expect(ours.extras).toEqual([]);
      expect(ours.entities.length).toBe(theirs.entities.length);
      ours.entities.forEach((entity, i) => {
        expect(Object.getPrototypeOf(entity)).toBe(Object.getPrototypeOf(theirs.entities[i]));
        expect(entity).toStrictEqual(theirs.entities[i]);
      });
      rowsCompared += ours.entities.length;
    }
    // the seeded county: units, users, sessions, cases, petitioners, assignments, events, serial counters, …
    expect(rowsCompared).toBeGreaterThan(40);
  });

  it('keeps the values selected besides the entity beside each entity, as TypeORM reads them into its raw rows', async () => {
    const dataSource = t.server.runtime.db.dataSource;
    const qb = () =>
      dataSource
        .createQueryBuilder<{ id: string; personCount: number }>('Case', 'c')
        .addSelect('(c.personCount + 1)', 'next_count')
        .addSelect("'甲'", 'tag')
        .orderBy('c.receivedAt', 'DESC');
    const theirs = await qb().getRawAndEntities();
    const { result, typeorm } = await viaTypeorm(() => rawAndEntities<{ id: string; personCount: number }, { next_count: unknown; tag: unknown }>(qb()));
    expect(typeorm).toBe(false);
    const { entities, extras } = result;
    expect(entities).toHaveLength(3);
    expect(entities).toStrictEqual(theirs.entities);
    expect(extras).toEqual(theirs.raw.map((r: Record<string, unknown>) => ({ next_count: r.next_count, tag: r.tag })));
    entities.forEach((c, i) => expect(Number(extras[i].next_count)).toBe(c.personCount + 1));
    // the same entity read without the extra values right after: another layout, another reader
    const plain = await entitiesOf(dataSource.createQueryBuilder<{ id: string }>('Case', 'c').orderBy('c.receivedAt', 'DESC'));
    expect(plain).toStrictEqual(theirs.entities);
  });

  it('leaves a query that joins another entity to TypeORM, and gets what TypeORM gets', async () => {
    const dataSource = t.server.runtime.db.dataSource;
    const qb = () => dataSource.createQueryBuilder('User', 'u').leftJoinAndSelect('u.unitRef', 'unit').orderBy('u.username');
    const { result, typeorm } = await viaTypeorm(() => entitiesOf(qb()));
    expect(typeorm).toBe(true);
    const ours = result as Array<{ unitRef?: { id: string } | null; unitId: string | null }>;
    expect(ours).toStrictEqual(await qb().getMany());
    expect(ours.some((u) => u.unitRef && u.unitRef.id === u.unitId)).toBe(true);
  });

  it('leaves a join used only as a filter to TypeORM, which gives each entity once however many rows match', async () => {
    const dataSource = t.server.runtime.db.dataSource;
    // every case has a petitioner and an assignment here: joined rows repeat the case
    const qb = () => dataSource.createQueryBuilder<{ id: string; personCount: number }>('Case', 'c').innerJoin('assignment', 'a', 'a.caseId = c.id').orderBy('c.id');
    const { result, typeorm } = await viaTypeorm(() => entitiesOf(qb()));
    expect(typeorm).toBe(true);
    expect(result).toStrictEqual(await qb().getMany());
  });

  it('fails a refused statement as TypeORM does, and reads inside the operation\'s transaction', async () => {
    const dataSource = t.server.runtime.db.dataSource;
    const bad = dataSource.createQueryBuilder('Case', 'c').where('c.noSuchColumn = 1');
    const failure = await rawAndEntities(bad).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError).query).toMatch(/noSuchColumn/);
    // a row written inside an open transaction is read by the same transaction, and by no one else until it commits
    await dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE petition_case SET summary = ? WHERE summary = ?`, ['改写中', '反映第1件事']);
      const inside = await entitiesOf(manager.createQueryBuilder<{ summary: string }>('Case', 'c').where('c.summary = :s', { s: '改写中' }));
      expect(inside).toHaveLength(1);
      await manager.query(`UPDATE petition_case SET summary = ? WHERE summary = ?`, ['反映第1件事', '改写中']);
    });
  });
});
