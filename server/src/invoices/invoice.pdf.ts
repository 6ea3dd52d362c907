/**
 * An invoice for a fee as PDF: the authority's letterhead, the debtor's address, what the fee
 * is for, the amount in CHF, and the Swiss QR-bill payment part (swissqrbill) with a payment
 * reference derived from the case reference. Input is validated first; anything the QR-bill
 * standard refuses is an InvoiceDataError naming the field, never a half-made PDF.
 */
import { SwissQRBill } from 'swissqrbill/pdf';
import type { Data, Debtor } from 'swissqrbill/types';
import { isIBANValid } from 'swissqrbill/utils';
import { z } from 'zod';
import { InvoiceDataError, type FieldError } from '../http/errors';
import {
  createPdf,
  drawLetterhead,
  pdfBuffer,
  PAGE,
  type Letterhead,
  type PdfOptions,
} from '../pdf/pdfDocument';
import { formatDate, toWinAnsi, type PdfLanguage } from '../pdf/pdfText';
import { paymentReferenceFor, type PaymentReference } from './paymentReference';

export interface InvoiceParty {
  name: string;
  street: string;
  buildingNumber?: string | undefined;
  postalCode: string;
  city: string;
  /** ISO 3166 alpha-2, e.g. CH. */
  country: string;
}

export interface Creditor extends InvoiceParty {
  /** IBAN or QR-IBAN of a Swiss or Liechtenstein account, with or without spaces. */
  iban: string;
}

export interface InvoiceInput {
  language: PdfLanguage;
  letterhead: Letterhead;
  creditor: Creditor;
  debtor: InvoiceParty;
  /** In CHF, at most two decimals. */
  amount: number;
  caseReference: string;
  /** What the fee is for, e.g. "Gebühr Wohnsitzbestätigung". */
  description: string;
  date: Date;
  /** Days until payment is due; default 30. */
  paymentTermDays?: number | undefined;
}

export interface Invoice {
  pdf: Buffer;
  amount: number;
  currency: 'CHF';
  paymentReference: PaymentReference;
}

const party = z.object({
  name: z.string().trim().min(1, 'is required').max(70, 'at most 70 characters'),
  street: z.string().trim().min(1, 'is required').max(70, 'at most 70 characters'),
  buildingNumber: z.string().trim().max(16, 'at most 16 characters').optional(),
  postalCode: z.string().trim().min(1, 'is required').max(16, 'at most 16 characters'),
  city: z.string().trim().min(1, 'is required').max(35, 'at most 35 characters'),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code'),
});

const invoiceSchema = z.object({
  creditor: party.extend({
    iban: z
      .string()
      .transform((iban) => iban.replace(/\s/g, '').toUpperCase())
      .refine((iban) => /^(CH|LI)/.test(iban), 'must be a Swiss or Liechtenstein IBAN')
      .refine((iban) => isIBANValid(iban), 'is not a valid IBAN'),
  }),
  debtor: party,
  amount: z
    .number({ error: 'must be a number' })
    .positive('must be more than 0')
    .max(999_999_999.99, 'must be at most 999 999 999.99')
    .refine(
      (amount) => Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6,
      'at most two decimals',
    ),
  caseReference: z.string().trim().min(1, 'is required').max(40, 'at most 40 characters'),
  description: z.string().trim().min(1, 'is required').max(140, 'at most 140 characters'),
  paymentTermDays: z.number().int().min(0).max(365).optional(),
});

const LABELS = {
  de: {
    title: 'Rechnung',
    reference: 'Referenz',
    amount: 'Betrag',
    due: (days: number) => `Zahlbar innert ${days} Tagen mit dem untenstehenden QR-Zahlteil.`,
  },
  en: {
    title: 'Invoice',
    reference: 'Reference',
    amount: 'Amount',
    due: (days: number) => `Payable within ${days} days using the QR payment part below.`,
  },
} as const;

export async function createInvoicePdf(
  input: InvoiceInput,
  options: PdfOptions = {},
): Promise<Invoice> {
  const parsed = invoiceSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvoiceDataError(
      parsed.error.issues.map((issue) => ({
        field: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    );
  }
  const valid = parsed.data;
  const paymentReference = paymentReferenceFor(valid.caseReference, valid.creditor.iban);
  const data: Data = {
    currency: 'CHF',
    amount: valid.amount,
    reference: paymentReference.reference,
    message: toWinAnsi(`${valid.caseReference} ${valid.description}`).slice(0, 140),
    creditor: { ...qrParty(valid.creditor), account: valid.creditor.iban },
    debtor: qrParty(valid.debtor),
  };
  let qrBill: SwissQRBill;
  try {
    qrBill = new SwissQRBill(data, { language: input.language === 'de' ? 'DE' : 'EN' });
  } catch (error) {
    throw new InvoiceDataError([qrBillFieldError(error)]);
  }

  const labels = LABELS[input.language];
  const doc = createPdf(
    {
      title: `${labels.title} ${valid.caseReference}`,
      subject: `${labels.title} ${valid.caseReference}`,
      author: input.letterhead.name,
      created: input.date,
    },
    options,
  );
  const done = pdfBuffer(doc);
  const width = PAGE.width - 2 * PAGE.marginX;

  drawLetterhead(doc, input.letterhead);
  const top = doc.y;
  const debtor = valid.debtor;
  const debtorLines = [
    debtor.name,
    [debtor.street, debtor.buildingNumber].filter(Boolean).join(' '),
    `${debtor.postalCode} ${debtor.city}`,
  ].map(toWinAnsi);
  doc.font('Helvetica').fontSize(11);
  doc.text(debtorLines.join('\n'), PAGE.marginX + width * 0.55, top + 20, { width: width * 0.45 });
  doc.x = PAGE.marginX;
  doc.y = Math.max(doc.y, top) + 36;

  const date = formatDate(input.date, input.language);
  doc.fontSize(10);
  doc.text(toWinAnsi(input.letterhead.place ? `${input.letterhead.place}, ${date}` : date), {
    width,
  });
  doc.text(toWinAnsi(`${labels.reference}: ${valid.caseReference}`), { width });
  doc.moveDown(1.5);
  doc
    .font('Helvetica-Bold')
    .fontSize(15)
    .text(toWinAnsi(`${labels.title} ${valid.caseReference}`), { width });
  doc.moveDown(0.8);

  const rowY = doc.y;
  doc.font('Helvetica').fontSize(11);
  doc.text(toWinAnsi(valid.description), PAGE.marginX, rowY, { width: width * 0.7 });
  doc.text(`CHF ${formatAmount(valid.amount)}`, PAGE.marginX + width * 0.7, rowY, {
    width: width * 0.3,
    align: 'right',
  });
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold');
  const totalY = doc.y;
  doc.text(labels.amount, PAGE.marginX, totalY, { width: width * 0.7 });
  doc.text(`CHF ${formatAmount(valid.amount)}`, PAGE.marginX + width * 0.7, totalY, {
    width: width * 0.3,
    align: 'right',
  });
  doc.font('Helvetica').moveDown(1.5);
  doc.text(labels.due(valid.paymentTermDays ?? 30), PAGE.marginX, doc.y, { width });

  qrBill.attachTo(doc);
  doc.end();
  return { pdf: await done, amount: valid.amount, currency: 'CHF', paymentReference };
}

function qrParty(p: InvoiceParty): Debtor {
  return {
    name: toWinAnsi(p.name),
    address: toWinAnsi(p.street),
    ...(p.buildingNumber ? { buildingNumber: toWinAnsi(p.buildingNumber) } : {}),
    zip: p.postalCode,
    city: toWinAnsi(p.city),
    country: p.country,
  };
}

/** swissqrbill's error codes name the part: CREDITOR_ACCOUNT_IS_INVALID → creditor.account. */
function qrBillFieldError(error: unknown): FieldError {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code !== 'string') throw error;
  const [part, attribute] = code.toLowerCase().split('_');
  const field =
    part === 'creditor' || part === 'debtor' ? `${part}.${attribute ?? ''}` : (part ?? 'invoice');
  return { field, message };
}

function formatAmount(amount: number): string {
  return new Intl.NumberFormat('de-CH', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(amount);
}
