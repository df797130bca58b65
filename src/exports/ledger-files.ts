import type { Writable } from 'node:stream';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify';

/**
 * Streams the ledger as a workbook: each row is committed as soon as it is written, so a year of cases never sits
 * in memory (shared strings off for the same reason).
 */
export async function writeLedgerXlsx(out: Writable, title: string, header: readonly string[], rows: AsyncIterable<string[]>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const head = sheet.addRow([...header]);
  head.font = { bold: true };
  head.commit();
  for await (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}

/** Streams the ledger as CSV in UTF-8 with a byte-order mark, which Excel needs to read Chinese correctly. */
export async function writeLedgerCsv(out: Writable, header: readonly string[], rows: AsyncIterable<string[]>): Promise<void> {
  out.write('\ufeff');
  const csv = stringify();
  csv.pipe(out);
  csv.write([...header]);
  for await (const row of rows) {
    if (!csv.write(row)) await once(csv, 'drain');
  }
  csv.end();
  await once(csv, 'end');
}
