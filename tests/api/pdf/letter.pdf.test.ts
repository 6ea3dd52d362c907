import { fileTypeFromBuffer } from 'file-type';
import { describe, expect, it } from 'vitest';
import { renderLetterPdf, type LetterInput } from '../../../server/src/pdf/letter.pdf';
import { formatDate, toWinAnsi } from '../../../server/src/pdf/pdfText';
import { extractPdfText } from './extractPdfText';

const letter = (overrides: Partial<LetterInput> = {}): LetterInput => ({
  kind: 'certificate',
  language: 'de',
  letterhead: {
    name: 'Stadt Luzern',
    department: 'Einwohnerdienste',
    addressLines: ['Hirschengraben 17', '6002 Luzern'],
    place: 'Luzern',
    phone: '041 208 81 11',
    email: 'einwohnerdienste@stadtluzern.ch',
  },
  recipient: { name: 'Anna Müller', addressLines: ['Pilatusstrasse 12', '6003 Luzern'] },
  title: 'Wohnsitzbestätigung',
  reference: 'LU-2026-00042',
  date: new Date('2026-11-28T09:30:00Z'),
  paragraphs: [
    'Wir bestätigen, dass Anna Müller, geboren am 23. April 1985, seit dem 1. September 2015 an der Pilatusstrasse 12 in 6003 Luzern wohnhaft ist.',
    'Diese Bestätigung wurde elektronisch erstellt und ist ohne Unterschrift gültig.',
  ],
  signature: { name: 'Einwohnerdienste', role: 'Stadt Luzern' },
  ...overrides,
});

describe('renderLetterPdf', () => {
  it('renders a German certificate with letterhead, reference, de-CH date, body and footer', async () => {
    // when the certificate is rendered (uncompressed, so the test can read it)
    const pdf = await renderLetterPdf(letter(), { compress: false });

    // then it is a PDF with everything on it
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = extractPdfText(pdf);
    for (const expected of [
      'Stadt Luzern',
      'Einwohnerdienste',
      'Hirschengraben 17',
      'Anna Müller',
      'Luzern, 28. November 2026',
      'Referenz: LU-2026-00042',
      'Wohnsitzbestätigung',
      'Diese Bestätigung wurde elektronisch erstellt und ist ohne Unterschrift gültig.',
      'Seite 1 von 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('renders English labels and date when asked', async () => {
    const pdf = await renderLetterPdf(
      letter({
        language: 'en',
        kind: 'decision',
        title: 'Decision on your dog registration',
        paragraphs: ['Your dog Bello is registered.'],
      }),
      { compress: false },
    );
    const text = extractPdfText(pdf);
    expect(text).toContain('Luzern, 28 November 2026');
    expect(text).toContain('Reference: LU-2026-00042');
    expect(text).toContain('Page 1 of 1');
    expect(pdf.toString('latin1')).toContain('Decision LU-2026-00042');
  });

  it('numbers every page of a long decision', async () => {
    const paragraphs = Array.from(
      { length: 40 },
      (_, i) => `Erwägung ${i + 1}: ${'Lorem ipsum dolor sit amet. '.repeat(6)}`,
    );
    const text = extractPdfText(
      await renderLetterPdf(letter({ kind: 'decision', paragraphs }), { compress: false }),
    );
    const pages = [...text.matchAll(/Seite (\d+) von (\d+)/g)];
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((m) => m[2] === String(pages.length))).toBe(true);
    expect(text).toContain('Erwägung 40');
  });

  it('is compressed by default and still detected as a PDF by its content', async () => {
    const pdf = await renderLetterPdf(letter());
    expect(await fileTypeFromBuffer(pdf)).toEqual({ ext: 'pdf', mime: 'application/pdf' });
    expect(extractPdfText(pdf)).not.toContain('LU-2026-00042');
  });

  it('shows names outside Windows-1252 transliterated instead of garbled', async () => {
    const pdf = await renderLetterPdf(
      letter({ recipient: { name: 'Łukasz Stojanović', addressLines: [] } }),
      {
        compress: false,
      },
    );
    expect(extractPdfText(pdf)).toContain('Lukasz Stojanovic');
  });
});

describe('toWinAnsi and formatDate', () => {
  it.each([
    ['Zürich, Genève, Ärger', 'Zürich, Genève, Ärger'],
    ['Stojanović', 'Stojanovic'],
    ['Łukasz Dąbrowski', 'Lukasz Dabrowski'],
    ['Straße – „Zitat“ €', 'Straße – „Zitat“ €'],
    ['Tab\tand\nnewline', 'Tab and newline'],
    ['zero\u200Bwidth', 'zerowidth'],
    ['東京 😀', '?? ?'],
  ])('%j → %j', (input, expected) => {
    expect(toWinAnsi(input)).toBe(expected);
  });

  it.each([
    ['2026-11-28T09:30:00Z', 'de', '28. November 2026'],
    ['2026-03-01T00:30:00Z', 'de', '1. März 2026'],
    ['2026-12-31T23:30:00Z', 'de', '1. Januar 2027'],
    ['2026-11-28T09:30:00Z', 'en', '28 November 2026'],
  ] as const)('%s in %s is %j (Swiss time)', (iso, language, expected) => {
    expect(formatDate(new Date(iso), language)).toBe(expected);
  });
});
