/** Values for `%{name}` placeholders, the syntax react-admin's (Polyglot) translate uses. */
export type TranslateValues = Readonly<Record<string, string | number>>;

/**
 * Looks up a dotted key in nested messages and fills in its placeholders.
 * A missing key returns the key itself, as react-admin does, so the gap is visible, not blank.
 */
export function translate(messages: object, key: string, values?: TranslateValues): string {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[part]
        : undefined;
  }
  if (typeof node !== 'string') return key;
  if (!values) return node;
  return node.replace(/%\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : placeholder,
  );
}
