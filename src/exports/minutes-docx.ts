import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { MINUTES_HEADING } from '../domain/joint-meeting';

/** Body text in 仿宋, 14 pt (docx sizes are half-points); headings in 黑体 as official documents set them. */
const BODY_FONT = '仿宋';
const HEADING_FONT = '黑体';

/**
 * The minutes (纪要) of a concluded meeting as a Word document the office can print: the stored minutes text,
 * its first line the centred title, `一、` lines as headings, `（一）` lines as item headings, the rest paragraphs.
 */
export function minutesDocx(minutes: string): Promise<Buffer> {
  const [title, ...lines] = minutes.split('\n');
  const paragraph = (line: string) => {
    if (MINUTES_HEADING.test(line)) return new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: line, font: HEADING_FONT, size: 32 })] });
    if (line.startsWith('（')) return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: line, font: HEADING_FONT, size: 28 })] });
    return new Paragraph({ children: [new TextRun({ text: line })] });
  };
  const doc = new Document({
    title,
    creator: '人大信访',
    styles: { default: { document: { run: { font: BODY_FONT, size: 28 } } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: title, font: HEADING_FONT, size: 44, bold: true })] }),
          ...lines.map(paragraph),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
