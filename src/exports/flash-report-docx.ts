import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { CHANNEL_LABEL } from '../domain/ledger';
import type { CaseChannel, FlashReportKind } from '../entities/case-enums';

// As official documents are set: 仿宋 for the body (14 pt; docx sizes are half-points), 黑体 for the title.
const BODY = { font: '仿宋', size: 28 };

const KIND_LABEL: Record<FlashReportKind, string> = { GROUP_VISIT: '集体访', URGENT: '紧急件' };

/** A case's flash reports (快报) as they are printed: the case and every report raised about it, oldest first. */
export interface FlashReportSheet {
  congressName: string;
  serialNo: string;
  receivedAt: Date;
  channel: CaseChannel;
  personCount: number;
  category: string;
  summary: string;
  reports: Array<{ kind: FlashReportKind; at: Date; reason: string | null }>;
}

/** Minutes precision in office time, as a printed report states a time: `2026-06-01 09:30`. */
function officeTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/**
 * 快报 as a one-page Word document the office prints for its leaders: the title, the congress, what the case is
 * (serial number, received, channel, persons, category, summary) and each report raised about it.
 */
export function flashReportDocx(sheet: FlashReportSheet, timeZone: string): Promise<Buffer> {
  const line = (label: string, value: string) => new Paragraph({ children: [new TextRun({ text: `${label}：`, bold: true }), new TextRun({ text: value })] });
  const doc = new Document({
    title: `信访快报 ${sheet.serialNo}`,
    creator: sheet.congressName,
    styles: { default: { document: { run: BODY } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: '信访快报', font: '黑体', size: 44, bold: true })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: sheet.congressName })] }),
          line('编号', sheet.serialNo),
          line('收到时间', officeTime(sheet.receivedAt, timeZone)),
          line('来源渠道', CHANNEL_LABEL[sheet.channel]),
          line('人次', String(sheet.personCount)),
          line('问题分类', sheet.category),
          line('内容摘要', sheet.summary),
          ...sheet.reports.map((r) => line(`${KIND_LABEL[r.kind]}（${officeTime(r.at, timeZone)}报）`, r.reason ?? '')),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
