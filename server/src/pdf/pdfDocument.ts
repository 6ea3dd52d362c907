/**
 * The frame every generated PDF shares: an A4 pdfkit document, the authority's letterhead,
 * a footer on every page, and the finished document as a Buffer.
 */
import PDFDocument from 'pdfkit';
import { toWinAnsi, type PdfLanguage } from './pdfText';

/** The issuing authority (a tenant) as printed at the top and in the footer. */
export interface Letterhead {
  /** e.g. "Stadt Luzern". */
  name: string;
  /** e.g. "Einwohnerdienste". */
  department?: string | undefined;
  /** Street, postal code and place, one entry per line. */
  addressLines: string[];
  /** Place before the date: "Luzern, 28. November 2026". */
  place?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  website?: string | undefined;
}

export interface PdfOptions {
  /** false writes uncompressed content streams (tests read the text). Default true. */
  compress?: boolean;
}

export const PAGE = { width: 595.28, height: 841.89, marginX: 62, top: 48, bottom: 72 } as const;
const GREY = '#555555';

export function createPdf(
  info: { title: string; subject: string; author: string; created: Date },
  options: PdfOptions = {},
): PDFKit.PDFDocument {
  return new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.marginX, right: PAGE.marginX },
    bufferPages: true,
    compress: options.compress ?? true,
    lang: 'de-CH',
    info: {
      Title: toWinAnsi(info.title),
      Subject: toWinAnsi(info.subject),
      Author: toWinAnsi(info.author),
      Creator: 'Serviceportal',
      CreationDate: info.created,
    },
  });
}

/** Collects the document's bytes; call before drawing, await after `finishPdf`. */
export function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

export function drawLetterhead(doc: PDFKit.PDFDocument, letterhead: Letterhead): void {
  const width = PAGE.width - 2 * PAGE.marginX;
  doc.font('Helvetica-Bold').fontSize(14).fillColor('black');
  doc.text(toWinAnsi(letterhead.name), PAGE.marginX, PAGE.top, { width: width * 0.6 });
  doc.font('Helvetica').fontSize(9).fillColor(GREY);
  if (letterhead.department) doc.text(toWinAnsi(letterhead.department), { width: width * 0.6 });
  for (const line of letterhead.addressLines) doc.text(toWinAnsi(line), { width: width * 0.6 });
  const contact = [letterhead.phone, letterhead.email, letterhead.website].filter(Boolean);
  doc.text(toWinAnsi(contact.join('\n')), PAGE.marginX + width * 0.6, PAGE.top + 4, {
    width: width * 0.4,
    align: 'right',
  });
  const ruleY = Math.max(doc.y, PAGE.top + 60) + 8;
  doc
    .moveTo(PAGE.marginX, ruleY)
    .lineTo(PAGE.width - PAGE.marginX, ruleY)
    .lineWidth(0.5)
    .strokeColor(GREY)
    .stroke();
  doc.fillColor('black').font('Helvetica').fontSize(11);
  doc.x = PAGE.marginX;
  doc.y = ruleY + 16;
}

/** Footer on every buffered page: the authority left, "Seite n von m" right. */
export function drawFooters(
  doc: PDFKit.PDFDocument,
  letterhead: Letterhead,
  language: PdfLanguage,
  extra?: string,
): void {
  const range = doc.bufferedPageRange();
  const width = PAGE.width - 2 * PAGE.marginX;
  const left = toWinAnsi([letterhead.name, ...letterhead.addressLines].join(' · '));
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the bottom margin must not add a page
    const y = PAGE.height - PAGE.bottom + 30;
    doc.font('Helvetica').fontSize(8).fillColor(GREY);
    if (extra) doc.text(toWinAnsi(extra), PAGE.marginX, y - 12, { width, lineBreak: false });
    doc.text(left, PAGE.marginX, y, { width: width * 0.75, lineBreak: false });
    const page =
      language === 'de' ? `Seite ${i + 1} von ${range.count}` : `Page ${i + 1} of ${range.count}`;
    doc.text(page, PAGE.marginX + width * 0.75, y, {
      width: width * 0.25,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('black');
}
