/**
 * The text of an uncompressed pdfkit PDF (`compress: false`), line by line: pdfkit writes each
 * line as a TJ array of hex strings in WinAnsi (Windows-1252), with kerning numbers between.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeHex(hex: string): string {
  let text = '';
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const code = parseInt(hex.slice(i, i + 2), 16);
    text += code >= 0x80 && code <= 0x9f ? CP1252_HIGH[code - 0x80] : String.fromCharCode(code);
  }
  return text;
}

export function extractPdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of source.matchAll(/\[((?:<[0-9a-fA-F]*>|\s|-?\d+(?:\.\d+)?)*)\]\s*TJ/g)) {
    lines.push([...match[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => decodeHex(m[1]!)).join(''));
  }
  return lines.join('\n');
}
