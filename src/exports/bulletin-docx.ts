import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { changeWords, periodLabel, type FigureChanges } from '../domain/bulletin';
import { OUTCOME_LABEL } from '../domain/ledger';
import { localDateOf } from '../domain/office-time';
import { percent } from '../domain/statistics';
import type { BulletinData } from '../services/bulletin.service';

// As official documents are set: 仿宋 for the body (14 pt; docx sizes are half-points), 黑体 for headings and the title.
const BODY = { font: '仿宋', size: 28 };
const HEADING = { font: '黑体', size: 32 };

const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text, ...HEADING })] });
const line = (text: string) => new Paragraph({ children: [new TextRun({ text })] });
const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold })] })] });
const changeCell = (r: number | null) => cell(changeWords(r) ?? '—');

/** The figures beside their changes, one row per headline figure. */
function figuresTable(b: BulletinData): Table {
  const s = b.statistics;
  const annual = b.period.quarter === null;
  const rows: Array<[string, number, keyof FigureChanges]> = [
    ['来信来访总量（件次）', s.totalReceived, 'totalReceived'],
    ['群众来信（件）', s.letters.received, 'letters'],
    ['群众来访（批次）', s.visits.batches, 'visitBatches'],
    ['群众来访（人次）', s.visits.persons, 'visitPersons'],
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: ['项目', '本期', annual ? '较上年' : '较上季度', annual ? '较上年' : '较去年同期'].map((h) => cell(h, true)) }),
      ...rows.map(
        ([label, value, key]) =>
          new TableRow({ children: [cell(label), cell(String(value)), changeCell(b.changeFromPreviousQuarter[key]), changeCell(b.changeFromSameQuarterLastYear[key])] }),
      ),
    ],
  });
}

/**
 * The bulletin (送阅件) as a Word document the office prints: the title, the seed's sentence and the figures with
 * their changes, the leading categories, the typical cases, the results of key and difficult cases, and the summary.
 */
export function bulletinDocx(b: BulletinData, timeZone: string): Promise<Buffer> {
  const s = b.statistics;
  const none = line('本期无。');
  const doc = new Document({
    title: b.title,
    creator: b.congress.name,
    styles: { default: { document: { run: BODY } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: b.title, font: HEADING.font, size: 44, bold: true })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `${b.congress.name}\u3000${periodLabel(b.period)}` })] }),
          heading('一、基本情况'),
          line(s.sentence),
          line(`截至统计时有交办转办超期未报的信访件 ${s.overdue} 件。群众来信办结率 ${percent(s.letters.closureRate)}，接访答复率 ${percent(s.visits.replyRate)}。`),
          figuresTable(b),
          heading('二、热点问题'),
          ...(b.topCategories.length
            ? b.topCategories.map((c, i) => {
                const trend = changeWords(c.changeFromTrailingYear);
                return line(`${i + 1}. ${c.category}：${c.received} 件${trend ? `，较前一年平均水平${trend}` : ''}。`);
              })
            : [none]),
          heading('三、典型案例'),
          ...(b.typicalCases.length ? b.typicalCases.map((c) => line(`${c.serialNo}（${localDateOf(c.receivedAt, timeZone)}，${c.category}）：${c.summary}`)) : [none]),
          heading('四、重点疑难件办理结果'),
          ...(b.keyCaseResults.length
            ? b.keyCaseResults.map(({ case: c, outcome }) => line(`${c.serialNo}（${c.category}）：${c.summary}——${outcome ? OUTCOME_LABEL[outcome] : '正在办理'}`))
            : [none]),
          heading('五、阶段性小结'),
          ...b.summary.split(/\r?\n/).map(line),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
