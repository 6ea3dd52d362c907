/**
 * A .form resource (a Camunda Form, JSON) as Zeebe 8.6's FormResourceTransformer reads it: only
 * its `id` matters for deployment. Texts are Zeebe's; note that the missing or blank id messages
 * carry no resource name (Zeebe adds none).
 */

export type FormParseResult = { ok: true; formId: string } | { ok: false; failure: string };

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
  return { ok: true, formId };
}

function unreadable(resourceName: string, detail: string): FormParseResult {
  return {
    ok: false,
    failure: `Failed to parse formId from form JSON. '${resourceName}': ${detail}`,
  };
}
