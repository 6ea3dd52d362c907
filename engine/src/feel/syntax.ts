import { parseExpression, parseUnaryTests } from 'feelin';
import { BUILTINS } from './builtins';
import { LruCache } from './cache';
import type { FeelCheck } from './types';

/**
 * Syntax checks, once per expression text.
 *
 * feelin's `evaluate()` takes the expression text and parses it on every call; it has no entry
 * point for a parse tree built earlier (and its parse depends on the variable names in the
 * context, for names with spaces). So the parse tree is not reused: what is cached is the
 * result of the syntax check, for up to 10,000 distinct texts.
 *
 * Messages follow Zeebe's "failed to parse expression '{expr}': {detail}"; the detail is
 * feelin's (e.g. "Incomplete <ArithmeticExpression>") with the position written the way
 * Zeebe's parser writes it: ":line:column, found \"{next characters}\"".
 */
const checked = new LruCache<string, FeelCheck>(10_000);

/** Built-in names with spaces (`get or else`) must be known to the parser. */
const PARSE_CONTEXT: Record<string, unknown> = { ...BUILTINS };

type Tree = ReturnType<typeof parseExpression>;
type SyntaxNode = Parameters<Parameters<Tree['iterate']>[0]['enter']>[0]['node'];

export function checkExpression(expression: string): FeelCheck {
  return cached(`expression:${expression}`, () =>
    check(expression, parseExpression(expression, PARSE_CONTEXT, undefined)),
  );
}

export function checkUnaryTests(tests: string): FeelCheck {
  return cached(`unary-tests:${tests}`, () =>
    check(tests, parseUnaryTests(tests, PARSE_CONTEXT, undefined)),
  );
}

export function parseFailure(expression: string, detail: string, at: number): string {
  const before = expression.slice(0, at);
  const line = before.split('\n').length;
  const column = at - (before.lastIndexOf('\n') + 1) + 1;
  const found = expression.slice(at, at + 10);
  return `failed to parse expression '${expression}': ${detail}:${line}:${column}, found "${found}"`;
}

function cached(key: string, compute: () => FeelCheck): FeelCheck {
  const known = checked.get(key);
  if (known) return known;
  const result = compute();
  checked.set(key, result);
  return result;
}

function check(text: string, tree: Tree): FeelCheck {
  let error: { detail: string; at: number } | undefined;
  tree.iterate({
    enter: (ref) => {
      if (error) return false;
      if (ref.type.isError) {
        error = describe(ref.node);
        return false;
      }
      return undefined;
    },
  });
  return error ? { ok: false, message: parseFailure(text, error.detail, error.at) } : { ok: true };
}

/** The same wording feelin uses when `evaluate()` meets the error node. */
function describe(node: SyntaxNode): { detail: string; at: number } {
  const parent = node.parent;
  const where = parent?.name ?? 'Expression';
  if (node.from !== node.to) return { detail: `Unrecognized token in <${where}>`, at: node.from };
  const next = nextNode(node);
  if (next) return { detail: `Unrecognized token <${next.name}> in <${where}>`, at: next.from };
  const unfinished = parent?.enterUnfinishedNodesBefore(node.to) ?? parent;
  return { detail: `Incomplete <${unfinished?.name ?? where}>`, at: node.from };
}

function nextNode(node: SyntaxNode): SyntaxNode | null {
  for (let current: SyntaxNode | null = node; current; current = current.parent) {
    if (current.nextSibling) return current.nextSibling;
  }
  return null;
}
