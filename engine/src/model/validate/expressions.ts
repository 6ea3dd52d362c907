/**
 * Zeebe's expression checks at deploy time (ZeebeExpressionValidator): a value starting with '='
 * is FEEL and must parse; anything else is a static value. Messages are Zeebe's.
 */
import { checkExpression } from '../../feel';

export type Expression =
  { kind: 'missing' } | { kind: 'static'; value: string } | { kind: 'feel'; text: string };

export function readExpression(raw: string | undefined): Expression {
  if (raw === undefined || raw === '') return { kind: 'missing' };
  const trimmed = raw.trim();
  if (trimmed.startsWith('=')) return { kind: 'feel', text: trimmed.slice(1) };
  return { kind: 'static', value: raw };
}

export interface ExpressionRules {
  mandatory?: boolean;
  /** The value must be FEEL ('=…'), e.g. conditions, correlation keys, input collections. */
  nonStatic?: boolean;
  /** A requirement a static value must satisfy, with Zeebe's description of it. */
  ifStatic?: { test: (value: string) => boolean; description: string };
}

/** Verifies one expression attribute; returns Zeebe's messages (empty when fine). */
export function verifyExpression(raw: string | undefined, rules: ExpressionRules): string[] {
  const expression = readExpression(raw);
  switch (expression.kind) {
    case 'missing':
      return rules.mandatory ? ['Expected expression but not found.'] : [];
    case 'feel': {
      const check = checkExpression(expression.text);
      return check.ok ? [] : [check.message];
    }
    case 'static': {
      if (rules.nonStatic) {
        return [
          `Expected expression but found static value '${raw}'. An expression must start with '=' (e.g. '=${raw}').`,
        ];
      }
      const requirement = rules.ifStatic;
      if (requirement !== undefined && !requirement.test(expression.value)) {
        return [`Expected static value to ${requirement.description}, but found '${raw}'.`];
      }
      return [];
    }
  }
}

const PATH_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*(\.[a-zA-Z_][a-zA-Z0-9_]*)*$/;
const PATH_PATTERN_TEXT = '[a-zA-Z_][a-zA-Z0-9_]*(\\.[a-zA-Z_][a-zA-Z0-9_]*)*';
const RESERVED_WORDS = [
  'null',
  'true',
  'false',
  'function',
  'if',
  'then',
  'else',
  'for',
  'between',
  'instance',
  'of',
];

/** Verifies a mapping target (a variable name or dotted path). */
export function verifyPath(path: string | undefined): string[] {
  if (path === undefined || path === '') return ['Expected path expression but not found.'];
  const messages: string[] = [];
  if (!PATH_PATTERN.test(path)) {
    messages.push(
      `Expected path expression '${path}' but doesn't match the pattern '${PATH_PATTERN_TEXT}'.`,
    );
  }
  if (RESERVED_WORDS.includes(path)) {
    messages.push(
      `Expected path expression '${path}' but is one of the reserved words (${RESERVED_WORDS.join(', ')}).`,
    );
  }
  return messages;
}

/** Zeebe's ExpressionTransformer.parseListOfCsv: every comma-separated entry must be non-blank. */
export function isListOfCsv(value: string): boolean {
  return value.split(',').every((entry) => entry.trim() !== '');
}
