import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { countOf, rawRowsOf, statementOf } from '../src/db/plain-statements';
import { assignedCase, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { createTestServer, type TestServer } from './harness/test-server';

// Lists and loaders take the text of a statement from memory once a builder of the same shape has been written out
// (src/db/plain-statements.ts). On either engine, what is sent must be exactly what TypeORM would send for the
// builder at hand, and two builders that differ in anything that goes into the text must never share one.

describe('statements kept per shape', () => {
  let t: TestServer;
  let p: CountyPeople;

  beforeAll(async () => {
    t = await createTestServer();
    p = await seedCountyPeople(t);
    for (let i = 0; i < 4; i++) await assignedCase(p.registrar, p.county.government, { summary: `第${i + 1}件`, personCount: i + 1 });
  });
  afterAll(() => t?.close());

  const cases = () => t.server.runtime.db.dataSource.getRepository('Case').createQueryBuilder('c') as SelectQueryBuilder<ObjectLiteral>;

  /** A builder reading from a sub-query of the case table that selects `expr` as `v`. */
  const fromSub = (expr: string) => {
    const dataSource = t.server.runtime.db.dataSource;
    return dataSource
      .createQueryBuilder()
      .from(`(SELECT ${expr} AS v FROM ${dataSource.getMetadata('Case').tableName} c)`, 'x')
      .select('x.v', 'v')
      .orderBy('x.v') as SelectQueryBuilder<ObjectLiteral>;
  };

  /** Builders of different shapes, each in two variants that differ only in parameter values. */
  const shapes: Record<string, (values: { ids: string[]; n: number }) => SelectQueryBuilder<ObjectLiteral>> = {
    all: () => cases(),
    byIds: ({ ids }) => cases().where('c.id IN (:...ids)', { ids }),
    byIdsNewestFirst: ({ ids }) => cases().where('c.id IN (:...ids)', { ids }).orderBy('c.receivedAt', 'DESC'),
    byIdsOldestFirst: ({ ids }) => cases().where('c.id IN (:...ids)', { ids }).orderBy('c.receivedAt', 'ASC'),
    byIdsLimit2: ({ ids }) => cases().where('c.id IN (:...ids)', { ids }).orderBy('c.receivedAt', 'ASC').limit(2),
    byIdsLimit3: ({ ids }) => cases().where('c.id IN (:...ids)', { ids }).orderBy('c.receivedAt', 'ASC').limit(3),
    byCount: ({ n }) => cases().where('c.personCount >= :n', { n }),
    byCountOr: ({ n }) => cases().where('c.personCount >= :n', { n }).orWhere('c.isKey = :key', { key: true }),
    byCountWithKey: ({ n }) => cases().where('c.personCount >= :n', { n }).addSelect('(c.personCount + 1)', 'sort_key').orderBy('sort_key', 'DESC'),
    otherAlias: ({ n }) => t.server.runtime.db.dataSource.getRepository('Case').createQueryBuilder('k').where('k.personCount >= :n', { n }) as SelectQueryBuilder<ObjectLiteral>,
    fromSubQuery: ({ n }) => fromSub('c.personCount').where('x.v >= :n', { n }),
    fromOtherSubQuery: ({ n }) => fromSub('c.personCount + 1').where('x.v >= :n', { n }),
    distinct: ({ n }) => cases().distinct(true).where('c.personCount >= :n', { n }),
    offset: ({ n }) => cases().where('c.personCount >= :n', { n }).orderBy('c.id').limit(2).offset(1),
    bracketed: ({ n }) =>
      cases()
        .where('c.personCount >= :n', { n })
        .andWhere(new Brackets((w) => w.where('c.isKey = :key', { key: false }).orWhere('c.personCount > 3'))),
    commented: ({ n }) => cases().comment('list').where('c.personCount >= :n', { n }),
    joinedFilter: ({ n }) => cases().innerJoin('assignment', 'a', 'a.caseId = c.id').where('c.personCount >= :n', { n }),
    joinedOtherCondition: ({ n }) => cases().innerJoin('assignment', 'a', 'a.caseId = c.id AND a.unitId IS NOT NULL').where('c.personCount >= :n', { n }),
    leftJoinedFilter: ({ n }) => cases().leftJoin('assignment', 'a', 'a.caseId = c.id').where('c.personCount >= :n', { n }),
    joinedRelation: ({ n }) =>
      t.server.runtime.db.dataSource.getRepository('User').createQueryBuilder('c').leftJoinAndSelect('c.unitRef', 'u').where('LENGTH(c.username) >= :n', { n }) as SelectQueryBuilder<ObjectLiteral>,
    assignments: ({ ids }) => t.server.runtime.db.dataSource.getRepository('Assignment').createQueryBuilder('c').where('c.caseId IN (:...ids)', { ids }) as SelectQueryBuilder<ObjectLiteral>,
  };

  async function caseIds(): Promise<string[]> {
    return (await cases().orderBy('c.id').getMany()).map((c) => c.id as string);
  }

  it('sends what TypeORM would send, the first time and from memory, whatever the parameter values', async () => {
    const ids = await caseIds();
    const variants = [
      { ids: ids.slice(0, 2), n: 2 },
      { ids, n: 3 },
      { ids: ids.slice(1, 2), n: 1 },
    ];
    for (const [name, make] of Object.entries(shapes)) {
      for (const values of variants) {
        expect([name, statementOf(make(values))]).toEqual([name, make(values).getQueryAndParameters()]);
      }
    }
  });

  it('reads the raw rows TypeORM reads', async () => {
    const ids = await caseIds();
    for (const [name, make] of Object.entries(shapes)) {
      expect([name, await rawRowsOf(make({ ids, n: 2 }))]).toEqual([name, await make({ ids, n: 2 }).getRawMany()]);
    }
  });

  it('writes a builder already run by TypeORM the same as a fresh one', async () => {
    const used = shapes.byCount({ ids: [], n: 1 });
    await used.getMany();
    expect(statementOf(used)).toEqual(shapes.byCount({ ids: [], n: 1 }).getQueryAndParameters());
  });

  it('counts the builder as it was when asked, whatever is added to it afterwards', async () => {
    const all = (await caseIds()).length;
    const qb = cases();
    const counting = countOf(qb);
    qb.andWhere('1 = 0').orderBy('c.id').limit(1);
    expect(await counting).toBe(all);
  });

  it('never gives two shapes the same text', async () => {
    const ids = await caseIds();
    const texts = Object.values(shapes).map((make) => statementOf(make({ ids: ids.slice(0, 2), n: 2 }))[0]);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('counts what TypeORM counts, ignoring order, limit and extra selections, for every shape and value', async () => {
    const ids = await caseIds();
    // TypeORM counts builders over an entity only
    for (const [name, make] of Object.entries(shapes).filter(([name]) => !name.startsWith('from'))) {
      for (const values of [{ ids: ids.slice(0, 2), n: 2 }, { ids, n: 4 }]) {
        expect([name, await countOf(make(values))]).toEqual([name, await make(values).getCount()]);
      }
    }
    expect(await countOf(shapes.byIdsLimit2({ ids, n: 0 }))).toBe(ids.length);
  });

  it('leaves a builder that joins to TypeORM, which counts each case once', async () => {
    // every case has an assignment and a petitioner: the joined rows repeat the case
    const joined = () => cases().innerJoin('assignment', 'a', 'a.caseId = c.id').innerJoin('petitioner', 'pe', 'pe.caseId = c.id');
    expect(await countOf(joined())).toBe(await joined().getCount());
    expect(await countOf(joined())).toBe((await caseIds()).length);
  });

  it('runs inside the operation’s transaction: a row written there is counted and read there, and not outside', async () => {
    const dataSource = t.server.runtime.db.dataSource;
    const before = await countOf(cases());
    const [first] = await cases().orderBy('c.id').getMany();
    await dataSource
      .transaction(async (manager) => {
        await manager.getRepository('Case').update({ id: first.id }, { personCount: 99 });
        const inside = manager.getRepository('Case').createQueryBuilder('c').where('c.personCount = :n', { n: 99 }) as SelectQueryBuilder<ObjectLiteral>;
        expect(await countOf(inside)).toBe(1);
        const [sql, params] = statementOf(inside);
        expect(await manager.query(sql, params)).toHaveLength(1);
        throw new Error('rolled back');
      })
      .catch((err: Error) => expect(err.message).toBe('rolled back'));
    expect(await countOf(cases().where('c.personCount = :n', { n: 99 }))).toBe(0);
    expect(await countOf(cases())).toBe(before);
  });
});
