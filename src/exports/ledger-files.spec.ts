import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { writeLedgerCsv, writeLedgerXlsx } from './ledger-files';

const HEADER = ['编号', '摘要'];
const ROWS = 20_000;

/** Rows as the ledger's pages give them: a database round trip (a turn of the event loop) every 100 rows. */
function source(total: number) {
  const state = { pulled: 0, closed: false };
  async function* rows(): AsyncGenerator<string[]> {
    try {
      for (let i = 0; i < total; i++) {
        if (i % 100 === 0) await new Promise((r) => setImmediate(r));
        state.pulled++;
        yield [`XF-${i}`, `反映问题 ${i}`];
      }
    } finally {
      state.closed = true;
    }
  }
  return { rows: rows(), state };
}

/** A client that reads nothing until `release()`, then everything as it comes. */
function slowClient() {
  const chunks: Buffer[] = [];
  const held: Array<() => void> = [];
  let open = false;
  const out = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      if (open) done();
      else held.push(() => done());
    },
  });
  return {
    out,
    bytes: () => Buffer.concat(chunks),
    release: () => {
      open = true;
      for (const done of held.splice(0)) done();
    },
  };
}

const settledWithin = (p: Promise<unknown>, ms: number) => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe('ledger files: a slow or departed client holds the rows back in the database, not in memory', () => {
  for (const [name, write] of [
    ['xlsx', (out: Writable, rows: AsyncIterable<string[]>) => writeLedgerXlsx(out, '电子台帐', HEADER, rows)],
    ['csv', (out: Writable, rows: AsyncIterable<string[]>) => writeLedgerCsv(out, HEADER, rows)],
  ] as const) {
    it(`${name}: reads no further than the client takes, then finishes every row`, async () => {
      const { rows, state } = source(ROWS);
      const client = slowClient();
      const writing = write(client.out, rows);
      expect(await settledWithin(writing, 300)).toBe(false);
      // a few pages ahead of a client that has read nothing, not the whole ledger
      expect(state.pulled).toBeLessThan(ROWS / 10);
      client.release();
      await writing;
      await new Promise((r) => client.out.end(r));
      expect(state.pulled).toBe(ROWS);
      if (name === 'csv') {
        const text = client.bytes().toString('utf8');
        expect(text.startsWith('\ufeff编号,摘要\n')).toBe(true);
        expect(text.trimEnd().split('\n')).toHaveLength(ROWS + 1);
      } else {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(client.bytes() as never);
        expect(book.worksheets[0].rowCount).toBe(ROWS + 1);
        expect(book.worksheets[0].getRow(ROWS + 1).values).toEqual([undefined, `XF-${ROWS - 1}`, `反映问题 ${ROWS - 1}`]);
      }
    });

    it(`${name}: stops reading rows when the client goes away`, async () => {
      const { rows, state } = source(ROWS);
      const client = slowClient();
      const writing = write(client.out, rows);
      await new Promise((r) => setTimeout(r, 100));
      client.out.destroy();
      expect(await settledWithin(writing, 1_000)).toBe(true);
      expect(state.closed).toBe(true);
      expect(state.pulled).toBeLessThan(ROWS / 10);
    });
  }

  it('csv: writes a field that begins like a formula as text', async () => {
    const client = slowClient();
    client.release();
    async function* rows() {
      yield ['=HYPERLINK("http://x")', '+86 138', '-1', '@SUM(A1)', '普通'];
    }
    await writeLedgerCsv(client.out, ['a', 'b', 'c', 'd', 'e'], rows());
    expect(client.bytes().toString('utf8').split('\n')[1]).toBe(`"'=HYPERLINK(""http://x"")",'+86 138,'-1,'@SUM(A1),普通`);
  });
});
