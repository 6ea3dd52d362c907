/**
 * A .form resource (a Camunda Form, JSON) as Zeebe 8.6's FormResourceTransformer reads it: its
 * `id`, and its `versionTag` (for user tasks with bindingType versionTag). Texts are Zeebe's; note
 * that the missing or blank id messages carry no resource name (Zeebe adds none).
 */

export type FormParseResult =
  { ok: true; formId: string; versionTag: string } | { ok: false; failure: string };

export function parseForm(resourceName: string, content: string): FormParseResult {
  let form: unknown;
  try {
    form = JSON.parse(content);
  } catch (error) {
    return unreadable(resourceName, error instanceof Error ? error.message : String(error));
  }
  if (typeof form !== 'object' || form === null || Array.isArray(form)) {
    return unreadable(resourceName, 'Expected the form to be a JSON object');
  }
  const id = (form as { id?: unknown }).id;
  if (id === undefined || id === null) {
    return { ok: false, failure: 'Expected the form id to be present, but none given' };
  }
  if (typeof id === 'object') {
    return unreadable(resourceName, 'Expected the form id to be a string');
  }
  // Jackson reads a number or boolean into the String field as its text
  const formId = String(id);
  if (formId.trim() === '') {
    return { ok: false, failure: 'Expected the form id to be filled, but it is blank' };
  }
  const tag = (form as { versionTag?: unknown }).versionTag;
  if (typeof tag === 'object' && tag !== null) {
    return unreadable(resourceName, 'Expected the form versionTag to be a string');
  }
  // as the id: Jackson reads a number or boolean as its text; absent or null is no tag
  return { ok: true, formId, versionTag: tag === undefined || tag === null ? '' : String(tag) };
}

function unreadable(resourceName: string, detail: string): FormParseResult {
  return {
    ok: false,
    failure: `Failed to parse formId from form JSON. '${resourceName}': ${detail}`,
  };
}
