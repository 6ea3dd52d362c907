/**
 * What a deployed .dmn resource becomes after parsing and validation: one decision requirements
 * graph (DRG, the `definitions` element) with its decisions. Evaluation (next engine issue)
 * parses the stored resource again; deployment needs only ids and names.
 */

export interface ParsedDecision {
  /** The decision's `id`, unique within a deployment and versioned per tenant. */
  id: string;
  name: string;
}

export interface ParsedDrg {
  /** The `definitions` id: the decision requirements id. */
  id: string;
  name: string;
  /** The `namespace` attribute of `definitions`. */
  namespace: string;
  decisions: ParsedDecision[];
}

/** A failure is Zeebe's text without the resource name ("'x.dmn': " is added by the caller). */
export type DmnTransformResult = { ok: true; drg: ParsedDrg } | { ok: false; failure: string };
