import { readFileSync } from 'node:fs';
import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';

// react-admin's own texts in Swiss German, written by us (admin-ui/src/i18n/ra/de-CH.json);
// English comes from ra-language-english, the reference for the keys.
const german: unknown = JSON.parse(
  readFileSync(new URL('../../admin-ui/src/i18n/ra/de-CH.json', import.meta.url), 'utf8'),
);

function flatten(node: unknown, prefix = ''): Map<string, unknown> {
  if (typeof node !== 'object' || node === null) return new Map([[prefix, node]]);
  return new Map(
    Object.entries(node).flatMap(([key, value]) => [
      ...flatten(value, prefix ? `${prefix}.${key}` : key),
    ]),
  );
}

const placeholders = (text: unknown) =>
  typeof text === 'string' ? [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort() : [];
const plurals = (text: unknown) => (typeof text === 'string' ? text.split('||||').length : 0);

describe("react-admin's texts in German", () => {
  const english = flatten(englishMessages);
  const germanEntries = flatten(german);

  it('has exactly the keys of ra-language-english', () => {
    expect({
      missing: [...english.keys()].filter((key) => !germanEntries.has(key)),
      extra: [...germanEntries.keys()].filter((key) => !english.has(key)),
    }).toEqual({ missing: [], extra: [] });
  });

  it.each([...english.entries()])('%s keeps the placeholders and plural forms', (key, text) => {
    const translated = germanEntries.get(key);
    expect(typeof translated).toBe('string');
    expect(placeholders(translated)).toEqual(placeholders(text));
    expect(plurals(translated)).toBe(plurals(text));
  });

  it('writes Swiss German: "ss", never "ß"', () => {
    expect([...germanEntries.values()].filter((text) => String(text).includes('ß'))).toEqual([]);
  });
});
