/**
 * A decision (Verfügung) or certificate (Bestätigung) as PDF: the authority's letterhead, the
 * recipient, place and date (de-CH or en), the reference number, a title, body paragraphs, a
 * signature block and a footer on every page. Pure: input in, Buffer out; storing it is the
 * caller's (DocumentService.store with kind 'decision' or 'certificate').
 */
import {
  createPdf,
  drawFooters,
  drawLetterhead,
  pdfBuffer,
  PAGE,
  type Letterhead,
  type PdfOptions,
} from './pdfDocument';
import { formatDate, toWinAnsi, type PdfLanguage } from './pdfText';

export type LetterKind = 'decision' | 'certificate';

export interface LetterInput {
  kind: LetterKind;
  language: PdfLanguage;
  letterhead: Letterhead;
  recipient?: { name: string; addressLines: string[] } | undefined;
  title: string;
  /** The case reference, e.g. "LU-2026-00042". */
  reference: string;
  date: Date;
  paragraphs: string[];
  signature?: { name: string; role?: string | undefined } | undefined;
  /** An extra footer line above the authority, e.g. a legal note. */
  footer?: string | undefined;
}

const LABELS = {
  de: { reference: 'Referenz', decision: 'Verfügung', certificate: 'Bestätigung' },
  en: { reference: 'Reference', decision: 'Decision', certificate: 'Certificate' },
} as const;

export async function renderLetterPdf(
  input: LetterInput,
  options: PdfOptions = {},
): Promise<Buffer> {
  const labels = LABELS[input.language];
  const doc = createPdf(
    {
      title: input.title,
      subject: `${labels[input.kind]} ${input.reference}`,
      author: input.letterhead.name,
      created: input.date,
    },
    options,
  );
  const done = pdfBuffer(doc);
  const width = PAGE.width - 2 * PAGE.marginX;

  drawLetterhead(doc, input.letterhead);
  const top = doc.y;
  if (input.recipient) {
    doc.font('Helvetica').fontSize(11);
    const lines = [input.recipient.name, ...input.recipient.addressLines].map(toWinAnsi);
    doc.text(lines.join('\n'), PAGE.marginX + width * 0.55, top + 20, { width: width * 0.45 });
  }
  doc.x = PAGE.marginX;
  doc.y = Math.max(doc.y, top) + 36;

  const date = formatDate(input.date, input.language);
  doc.font('Helvetica').fontSize(10);
  doc.text(toWinAnsi(input.letterhead.place ? `${input.letterhead.place}, ${date}` : date), {
    width,
  });
  doc.text(toWinAnsi(`${labels.reference}: ${input.reference}`), { width });
  doc.moveDown(1.5);

  doc.font('Helvetica-Bold').fontSize(15).text(toWinAnsi(input.title), { width });
  doc.moveDown(0.8);
  doc.font('Helvetica').fontSize(11);
  for (const paragraph of input.paragraphs) {
    doc.text(toWinAnsi(paragraph), { width, align: 'left', lineGap: 2 });
    doc.moveDown(0.7);
  }

  if (input.signature) {
    doc.moveDown(1.5);
    doc.text(toWinAnsi(input.letterhead.name), { width });
    doc.moveDown(2);
    doc.text(toWinAnsi(input.signature.name), { width });
    if (input.signature.role) {
      doc.fillColor('#555555').text(toWinAnsi(input.signature.role), { width });
    }
  }

  drawFooters(doc, input.letterhead, input.language, input.footer);
  doc.end();
  return done;
}
