import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';

/**
 * True once `out` takes more (at once when it already does), false when it closed first: the client went away.
 * ExcelJS's writer never pushes back itself, so both ledgers wait here after each row; a slow download then holds
 * the next rows in the database, not in memory, and an abandoned one stops reading them.
 */
function roomIn(out: Writable): Promise<boolean> {
  if (out.destroyed) return Promise.resolve(false);
  if (!out.writableNeedDrain) return Promise.resolve(true);
  return new Promise((resolve) => {
    const settle = (room: boolean) => () => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      resolve(room);
    };
    const onDrain = settle(true);
    const onClose = settle(false);
    out.on('drain', onDrain);
    out.on('close', onClose);
  });
}

/**
 * Streams the ledger as a workbook: each row is committed as soon as it is written, so a year of cases never sits
 * in memory (shared strings off for the same reason). Text goes into string cells, never formulas.
 */
export async function writeLedgerXlsx(out: Writable, title: string, header: readonly string[], rows: AsyncIterable<string[]>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const head = sheet.addRow([...header]);
  head.font = { bold: true };
  head.commit();
  for await (const row of rows) {
    sheet.addRow(row).commit();
    if (!(await roomIn(out))) return;
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * Streams the ledger as CSV in UTF-8 with a byte-order mark, which Excel needs to read Chinese correctly. A field
 * that begins like a formula (`=`, `+`, `-`, `@`, tab, carriage return) is written with a leading `'`, so that a
 * petitioner's text opened in Excel stays text.
 */
export async function writeLedgerCsv(out: Writable, header: readonly string[], rows: AsyncIterable<string[]>): Promise<void> {
  const line = (fields: readonly string[]) => stringify([[...fields]], { escape_formulas: true });
  out.write(`\ufeff${line(header)}`);
  for await (const row of rows) {
    out.write(line(row));
    if (!(await roomIn(out))) return;
  }
  out.end();
}
