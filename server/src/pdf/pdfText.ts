/**
 * Text for pdfkit's built-in Helvetica, which encodes WinAnsi (Windows-1252) only: any other
 * character would come out as garbage. Names common in Switzerland outside WinAnsi
 * (Stojanović, Łukasz) are transliterated (ć → c, Ł → L); what has no Latin base becomes "?".
 */

const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const NO_DECOMPOSITION: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŀ: 'L',
  ŀ: 'l',
};

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (
    (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)
  );
}

/** The text with every character pdfkit's standard fonts can show; control characters removed. */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (isWinAnsi(char)) {
      out += char;
    } else if (/[\t\n\r]/.test(char)) {
      out += ' ';
    } else if (/[\p{Cc}\p{Cf}]/u.test(char)) {
      continue;
    } else if (NO_DECOMPOSITION[char]) {
      out += NO_DECOMPOSITION[char];
    } else {
      const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
      out += base && [...base].every(isWinAnsi) ? base : '?';
    }
  }
  return out;
}

export type PdfLanguage = 'de' | 'en';

/** 28. November 2026 (de-CH) or 28 November 2026 (en), in Swiss time. */
export function formatDate(date: Date, language: PdfLanguage): string {
  return new Intl.DateTimeFormat(language === 'de' ? 'de-CH' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Zurich',
  }).format(date);
}
