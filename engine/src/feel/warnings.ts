import type { Warning } from 'feelin';
import type { FeelWarning } from './types';
import { describeValue, isPlainObject } from './values';

/**
 * feelin's warnings in feel-scala's words, so incident messages read as Zeebe's do. Zeebe
 * (`ExpressionProcessor.createFailureMessage`, since 8.3) appends them to a failure:
 *   "Expected result of the expression 'x' to be 'BOOLEAN', but was 'NULL'. The evaluation
 *    reported the following warnings:\n[NO_VARIABLE_FOUND] No variable found with name 'x'"
 * Texts feel-scala 1.18 uses (FeelInterpreter, EvalContext) are matched for missing variables,
 * context entries and functions; other warnings keep feelin's text under the same type.
 */
const WARNINGS_INTRO = ' The evaluation reported the following warnings:\n';

export function withWarnings(message: string, warnings: readonly FeelWarning[]): string {
  if (warnings.length === 0) return message;
  const lines = warnings.map((warning) => `[${warning.type}] ${warning.message}`).join('\n');
  return `${message}${WARNINGS_INTRO}${lines}`;
}

/**
 * The failure without the appended warnings: dmn-scala reports feel-scala's failure message
 * alone (DMN evaluation failures carry no warnings in Zeebe).
 */
export function withoutWarnings(message: string): string {
  const at = message.indexOf(WARNINGS_INTRO);
  return at < 0 ? message : message.slice(0, at);
}

export function fromFeelinWarnings(
  warnings: readonly Warning[],
  expression: string,
): FeelWarning[] {
  const result: FeelWarning[] = [];
  let missingPathEnd: number | undefined; // end of `a` or `a.b` whose value was missing
  for (const warning of warnings) {
    const { type, position, details } = warning;
    const onMissingPath =
      missingPathEnd !== undefined &&
      (type === 'NO_PROPERTY_FOUND' || type === 'NO_CONTEXT_ENTRY_FOUND') &&
      (details.values.target ?? null) === null &&
      /^\s*\.\s*$/.test(expression.slice(missingPathEnd, position.from));
    // `a.b` with no variable `a`: feel-scala reports the missing variable only
    missingPathEnd = type === 'NO_VARIABLE_FOUND' || onMissingPath ? position.to : undefined;
    if (onMissingPath) continue;
    const converted = convert(warning, warnings, expression);
    if (converted) result.push(converted);
  }
  return result;
}

/** undefined drops the warning (feel-scala would not have reported it). */
function convert(
  warning: Warning,
  all: readonly Warning[],
  expression: string,
): FeelWarning | undefined {
  const { type, details, position } = warning;
  switch (type) {
    case 'NO_VARIABLE_FOUND': {
      // feelin also reports the name of a function it cannot find as a missing variable
      const call = all.find(
        (other) => other.type === 'NO_FUNCTION_FOUND' && other.position.from === position.from,
      );
      if (call) return undefined;
      const name = /^Variable '(.*)' not found$/s.exec(warning.message)?.[1];
      return name === undefined
        ? { type, message: warning.message }
        : { type, message: `No variable found with name '${name}'` };
    }
    case 'NO_FUNCTION_FOUND':
      return noFunctionFound(expression.slice(position.from, position.to), warning.message);
    case 'FUNCTION_INVOCATION_FAILURE':
      // feelin: parameters that match none of the function's → feel-scala: no such function
      if (details.template.startsWith('Cannot invoke {target} with parameters')) {
        return noFunctionFound(expression.slice(position.from, position.to), warning.message);
      }
      return { type, message: warning.message };
    case 'INVALID_ARGUMENTS': {
      const call = expression.slice(position.from, position.to);
      return {
        type: 'FUNCTION_INVOCATION_FAILURE',
        message: `Failed to invoke function '${calleeName(call)}': ${warning.message}`,
      };
    }
    case 'NO_CONTEXT_ENTRY_FOUND':
    case 'NO_PROPERTY_FOUND': {
      const key = /^(?:Key|Property) '(.*)' not found in/s.exec(details.template)?.[1];
      if (key === undefined) return { type, message: warning.message };
      const target = details.values.target;
      if (target === null || target === undefined) {
        return {
          type: 'NO_CONTEXT_ENTRY_FOUND',
          message: `No context entry found with key '${key}'. The context is null`,
        };
      }
      if (isPlainObject(target)) {
        const keys = Object.keys(target);
        const detail =
          keys.length === 0
            ? 'The context is empty'
            : `Available keys: ${keys.map((k) => `'${k}'`).join(', ')}`;
        return {
          type: 'NO_CONTEXT_ENTRY_FOUND',
          message: `No context entry found with key '${key}'. ${detail}`,
        };
      }
      return {
        type: 'NO_PROPERTY_FOUND',
        message: `No property found with name '${key}' of value '${describeValue(target)}'`,
      };
    }
    default:
      return { type, message: warning.message };
  }
}

function noFunctionFound(call: string, fallback: string): FeelWarning {
  const open = call.indexOf('(');
  if (open < 0 || !call.endsWith(')')) return { type: 'NO_FUNCTION_FOUND', message: fallback };
  const name = calleeName(call);
  const args = splitTopLevel(call.slice(open + 1, -1));
  const named = args.length > 0 && args.every((arg) => /^\s*[^\s:"][^:"]*:/.test(arg));
  const parameters = named
    ? `parameters: ${args.map((arg) => arg.slice(0, arg.indexOf(':')).trim()).join(',')}`
    : `${args.length} parameters`;
  return {
    type: 'NO_FUNCTION_FOUND',
    message: `No function found with name '${name}' and ${parameters}`,
  };
}

function calleeName(call: string): string {
  const open = call.indexOf('(');
  return (open < 0 ? call : call.slice(0, open)).trim();
}

/** Splits an argument list at commas outside brackets and string literals. */
function splitTopLevel(text: string): string[] {
  if (text.trim() === '') return [];
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
