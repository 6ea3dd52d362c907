import { isQRReferenceValid, isSCORReferenceValid } from 'swissqrbill/utils';
import { describe, expect, it } from 'vitest';
import { InvoiceDataError } from '../../../server/src/http/errors';
import { createInvoicePdf, type InvoiceInput } from '../../../server/src/invoices/invoice.pdf';
import { paymentReferenceFor } from '../../../server/src/invoices/paymentReference';
import { extractPdfText } from '../pdf/extractPdfText';

const QR_IBAN = 'CH44 3199 9123 0008 8901 2';
const IBAN = 'CH58 0079 1123 0008 8901 2';

const invoice = (overrides: Partial<InvoiceInput> = {}): InvoiceInput => ({
  language: 'de',
  letterhead: {
    name: 'Stadt Luzern',
    addressLines: ['Hirschengraben 17', '6002 Luzern'],
    place: 'Luzern',
  },
  creditor: {
    iban: QR_IBAN,
    name: 'Stadt Luzern, Finanzdienste',
    street: 'Hirschengraben',
    buildingNumber: '17',
    postalCode: '6002',
    city: 'Luzern',
    country: 'CH',
  },
  debtor: {
    name: 'Anna Müller',
    street: 'Pilatusstrasse',
    buildingNumber: '12',
    postalCode: '6003',
    city: 'Luzern',
    country: 'CH',
  },
  amount: 30,
  caseReference: 'LU-2026-00042',
  description: 'Gebühr Wohnsitzbestätigung',
  date: new Date('2026-11-28T09:30:00Z'),
  ...overrides,
});

describe('createInvoicePdf', () => {
  it('makes a QR-bill with a QR reference for a QR-IBAN', async () => {
    // when the invoice for a residence certificate is created
    const result = await createInvoicePdf(invoice(), { compress: false });

    // then it carries a valid QR reference derived from the case reference
    expect(result.paymentReference.type).toBe('QRR');
    expect(isQRReferenceValid(result.paymentReference.reference)).toBe(true);
    expect(result.paymentReference.reference).toMatch(/^0+2130202600042\d$/);
    expect(result).toMatchObject({ amount: 30, currency: 'CHF' });

    // and a PDF with the letter part and the payment part
    expect(result.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = extractPdfText(result.pdf);
    for (const expected of [
      'Rechnung LU-2026-00042',
      'Gebühr Wohnsitzbestätigung',
      'CHF 30.00',
      'Luzern, 28. November 2026',
      'Zahlteil',
      'CH44 3199 9123 0008 8901 2',
      result.paymentReference.formatted,
      'Anna Müller',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('makes a QR-bill with an ISO 11649 creditor reference for an ordinary IBAN, in English', async () => {
    const result = await createInvoicePdf(
      invoice({ language: 'en', creditor: { ...invoice().creditor, iban: IBAN } }),
      {
        compress: false,
      },
    );
    expect(result.paymentReference).toMatchObject({ type: 'SCOR' });
    expect(result.paymentReference.reference).toMatch(/^RF\d\dLU202600042$/);
    expect(isSCORReferenceValid(result.paymentReference.reference)).toBe(true);
    const text = extractPdfText(result.pdf);
    expect(text).toContain('Invoice LU-2026-00042');
    expect(text).toContain('Payment part');
  });

  it.each([
    [
      'an IBAN with a wrong check digit',
      { creditor: { ...invoice().creditor, iban: 'CH45 3199 9123 0008 8901 2' } },
      'creditor.iban',
    ],
    [
      'a German IBAN',
      { creditor: { ...invoice().creditor, iban: 'DE89 3704 0044 0532 0130 00' } },
      'creditor.iban',
    ],
    ['no creditor name', { creditor: { ...invoice().creditor, name: ' ' } }, 'creditor.name'],
    [
      'a debtor city over 35 characters',
      { debtor: { ...invoice().debtor, city: 'L'.repeat(36) } },
      'debtor.city',
    ],
    [
      'a country that is not a code',
      { debtor: { ...invoice().debtor, country: 'Schweiz' } },
      'debtor.country',
    ],
    ['an amount of 0', { amount: 0 }, 'amount'],
    ['an amount with three decimals', { amount: 12.345 }, 'amount'],
    ['an amount over the QR-bill maximum', { amount: 1_000_000_000 }, 'amount'],
    [
      'a case reference too long for a QR reference',
      { caseReference: 'LU-2026-ABCDEFGHIJKL' },
      'caseReference',
    ],
    ['a case reference without letters or digits', { caseReference: '--' }, 'caseReference'],
  ])('refuses %s with InvoiceDataError (422) naming the field', async (_what, overrides, field) => {
    const error = await createInvoicePdf(invoice(overrides as Partial<InvoiceInput>)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvoiceDataError);
    expect(error).toMatchObject({ status: 422 });
    expect((error as InvoiceDataError).errors?.map((e) => e.field)).toContain(field);
    expect((error as Error).message).toContain(field);
  });
});

describe('paymentReferenceFor', () => {
  it.each([
    ['LU-2026-00042', QR_IBAN, 'QRR', '000000000000021302026000426'],
    ['EB-2026-00042', QR_IBAN, 'QRR', '000000000000014112026000426'],
    ['2026/17', QR_IBAN, 'QRR', '000000000000000000002026170'],
    ['LU-2026-00042', IBAN, 'SCOR', 'RF75LU202600042'],
    ['lu 2026 00042', IBAN, 'SCOR', 'RF75LU202600042'],
  ])(
    '%s with %s → %s %s (check digits computed independently)',
    (caseReference, iban, type, reference) => {
      const result = paymentReferenceFor(caseReference, iban);
      expect(result).toMatchObject({ type, reference });
      expect(type === 'QRR' ? isQRReferenceValid(reference) : isSCORReferenceValid(reference)).toBe(
        true,
      );
    },
  );

  it('keeps case references of different tenants apart', () => {
    const luzern = paymentReferenceFor('LU-2026-00042', QR_IBAN).reference;
    const eschenbach = paymentReferenceFor('EB-2026-00042', QR_IBAN).reference;
    expect(luzern).not.toBe(eschenbach);
  });
});
