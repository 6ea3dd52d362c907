/**
 * The payment reference of an invoice, derived from the case reference so an incoming payment
 * finds its case: with a QR-IBAN a QR reference (QRR: 26 digits and a mod-10 check digit),
 * with an ordinary IBAN an ISO 11649 creditor reference (SCOR: "RF", two check digits, up to
 * 21 characters). Letters of the case reference become two digits each in a QR reference
 * (A = 10 … Z = 35, as in ISO 7064), so "LU-2026-00042" and "EB-2026-00042" stay distinct.
 */
import {
  calculateQRReferenceChecksum,
  calculateSCORReferenceChecksum,
  formatQRReference,
  formatSCORReference,
  isQRIBAN,
} from 'swissqrbill/utils';
import { InvoiceDataError } from '../http/errors';

export interface PaymentReference {
  type: 'QRR' | 'SCOR';
  /** As encoded in the QR code, without spaces. */
  reference: string;
  /** Grouped for people: "00 00000 00000 21300 20260 00420". */
  formatted: string;
}

const QR_REFERENCE_BODY = 26;
const SCOR_BODY = 21;

export function paymentReferenceFor(caseReference: string, iban: string): PaymentReference {
  const body = caseReference.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (!body) throw tooLong('must contain letters or digits');
  if (isQRIBAN(iban.replace(/\s/g, ''))) {
    const digits = [...body]
      .map((c) => (/[0-9]/.test(c) ? c : String(c.charCodeAt(0) - 55)))
      .join('');
    if (digits.length > QR_REFERENCE_BODY) {
      throw tooLong(
        `is too long for a QR reference (${digits.length} of ${QR_REFERENCE_BODY} digits)`,
      );
    }
    const padded = digits.padStart(QR_REFERENCE_BODY, '0');
    const reference = padded + calculateQRReferenceChecksum(padded);
    return { type: 'QRR', reference, formatted: formatQRReference(reference) };
  }
  if (body.length > SCOR_BODY) {
    throw tooLong(
      `is too long for a creditor reference (${body.length} of ${SCOR_BODY} characters)`,
    );
  }
  const reference = `RF${calculateSCORReferenceChecksum(body)}${body}`;
  return { type: 'SCOR', reference, formatted: formatSCORReference(reference) };
}

function tooLong(message: string): InvoiceDataError {
  return new InvoiceDataError([{ field: 'caseReference', message }]);
}
