import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The admin UI's messages: one JSON file per locale, nested like react-admin's messages.
const messagesDir = new URL('../../admin-ui/src/i18n/messages/', import.meta.url);
const referenceFile = 'de-CH.json';

const files = readdirSync(messagesDir).filter((name) => name.endsWith('.json'));
const otherFiles = files.filter((name) => name !== referenceFile);

function readMessages(file: string): unknown {
  return JSON.parse(readFileSync(new URL(file, messagesDir), 'utf8'));
}

/** Nested messages as [dotted key, value] pairs; an empty object or a non-string is a leaf too. */
function flatten(node: unknown, prefix = ''): Array<[string, unknown]> {
  const isBranch = typeof node === 'object' && node !== null && !Array.isArray(node);
  if (!isBranch || Object.keys(node).length === 0) return [[prefix, node]];
  return Object.entries(node).flatMap(([key, value]) =>
    flatten(value, prefix ? `${prefix}.${key}` : key),
  );
}

const entriesOf = (file: string) => flatten(readMessages(file));
const keysOf = (file: string) => new Set(entriesOf(file).map(([key]) => key));
const placeholders = (text: unknown) =>
  typeof text === 'string' ? [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort() : [];

describe('admin-ui messages', () => {
  it('ships German (Switzerland) and English', () => {
    expect(files).toEqual(expect.arrayContaining(['de-CH.json', 'en.json']));
  });

  it.each(otherFiles)('%s has exactly the keys of de-CH.json', (file) => {
    // given
    const reference = keysOf(referenceFile);
    // when
    const keys = keysOf(file);
    // then
    expect({
      missing: [...reference].filter((key) => !keys.has(key)),
      extra: [...keys].filter((key) => !reference.has(key)),
    }).toEqual({ missing: [], extra: [] });
  });

  it.each(files)('%s has only non-empty strings', (file) => {
    const notText = entriesOf(file)
      .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
      .map(([key]) => key);
    expect(notText).toEqual([]);
  });

  it.each(otherFiles)('%s uses the same placeholders as de-CH.json', (file) => {
    const reference = new Map(entriesOf(referenceFile));
    const differing = entriesOf(file)
      .filter(
        ([key, value]) => placeholders(value).join() !== placeholders(reference.get(key)).join(),
      )
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });
});

// The tests project compiles only tests/, so admin-ui code is loaded by URL at run time.
const i18nDir = new URL('../../admin-ui/src/i18n/', import.meta.url);
const { resolveLocale } = (await import(new URL('resolveLocale.ts', i18nDir).href)) as {
  resolveLocale: (stored: string | null, preferred: readonly string[]) => string;
};
const { translate } = (await import(new URL('translate.ts', i18nDir).href)) as {
  translate: (messages: object, key: string, values?: Record<string, string | number>) => string;
};

describe('resolveLocale', () => {
  it.each([
    { stored: 'en', preferred: ['de-CH'], expected: 'en', why: 'a stored choice wins' },
    { stored: 'de-CH', preferred: ['en'], expected: 'de-CH', why: 'a stored choice wins' },
    {
      stored: 'fr',
      preferred: ['en-GB'],
      expected: 'en',
      why: 'an unknown stored value is ignored',
    },
    { stored: null, preferred: ['fr-CH', 'en-US', 'de-CH'], expected: 'en', why: 'first we ship' },
    { stored: null, preferred: ['de-DE'], expected: 'de-CH', why: 'German of any region' },
    { stored: null, preferred: ['EN'], expected: 'en', why: 'tags are case-insensitive' },
    { stored: null, preferred: ['it-CH'], expected: 'de-CH', why: 'default' },
    { stored: null, preferred: [], expected: 'de-CH', why: 'default' },
  ])('$stored, $preferred -> $expected ($why)', ({ stored, preferred, expected }) => {
    expect(resolveLocale(stored, preferred)).toBe(expected);
  });
});

describe('translate', () => {
  const messages = { portal: { start: { title: 'Start', greeting: 'Grüezi %{name}' } } };

  it.each<{ key: string; values?: Record<string, string>; expected: string }>([
    { key: 'portal.start.title', expected: 'Start' },
    { key: 'portal.start.greeting', values: { name: 'Anna' }, expected: 'Grüezi Anna' },
    { key: 'portal.start.greeting', values: {}, expected: 'Grüezi %{name}' },
    { key: 'portal.start.missing', expected: 'portal.start.missing' },
    { key: 'portal.start', expected: 'portal.start' },
  ])('$key -> $expected', ({ key, values, expected }) => {
    expect(translate(messages, key, values)).toBe(expected);
  });
});
