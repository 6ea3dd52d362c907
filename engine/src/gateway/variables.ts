/**
 * Parses a `variables` JSON document of a request the way Zeebe's gateway does
 * (RequestMapper#ensureJsonSet and the broker's DocumentValue): blank means no variables; broken
 * JSON and documents whose root is not an object are INVALID_ARGUMENT with Zeebe's wording.
 */
import type { Variables } from '../api';
import { GatewayError } from './GatewayError';

export function parseVariables(value: string, property = 'variables'): Variables {
  if (value.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw GatewayError.invalidArgument(`Invalid JSON value: ${value}`);
  }
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
    return parsed as Variables;
  }
  throw GatewayError.invalidArgument(
    `Property '${property}' is invalid: Expected document to be a root level object, but was '${msgPackType(parsed, value)}'`,
  );
}

/** The MessagePack type name Zeebe reports for a JSON root that is not an object. */
function msgPackType(parsed: unknown, text: string): string {
  if (parsed === null) return 'NIL';
  if (Array.isArray(parsed)) return 'ARRAY';
  switch (typeof parsed) {
    case 'boolean':
      return 'BOOLEAN';
    case 'string':
      return 'STRING';
    case 'number':
      return /^-?\d+$/.test(text.trim()) ? 'INTEGER' : 'FLOAT';
    default:
      return 'MAP';
  }
}
