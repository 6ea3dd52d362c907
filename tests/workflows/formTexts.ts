/**
 * The texts of a form a citizen or clerk reads, per component id, as i18n/en.json holds their
 * English version: label, dateLabel, description, text (Markdown, may hold {{templates}}),
 * validate.patternErrorMessage (as patternErrorMessage) and the labels of values (by value).
 */
export type ComponentTexts = Record<string, string | Record<string, string>>;

interface Component {
  id?: unknown;
  components?: unknown;
  values?: unknown;
  validate?: { patternErrorMessage?: unknown };
  [property: string]: unknown;
}

const TEXT_PROPERTIES = ['label', 'dateLabel', 'description', 'text'] as const;

export function componentsOf(schema: { components?: unknown }): Component[] {
  const children = Array.isArray(schema.components) ? (schema.components as Component[]) : [];
  return children.flatMap((child) => [child, ...componentsOf(child)]);
}

/** Component id → its translatable texts; components without any are left out. */
export function formTexts(schema: { components?: unknown }): Record<string, ComponentTexts> {
  const texts: Record<string, ComponentTexts> = {};
  for (const component of componentsOf(schema)) {
    const entry: ComponentTexts = {};
    for (const property of TEXT_PROPERTIES) {
      const value = component[property];
      if (typeof value === 'string' && value !== '') entry[property] = value;
    }
    const message = component.validate?.patternErrorMessage;
    if (typeof message === 'string' && message !== '') entry.patternErrorMessage = message;
    if (Array.isArray(component.values)) {
      entry.values = Object.fromEntries(
        (component.values as { value: string; label: string }[]).map((v) => [v.value, v.label]),
      );
    }
    if (Object.keys(entry).length > 0) texts[String(component.id)] = entry;
  }
  return texts;
}

/** {{…}} templates of a text, sorted, to compare German and English. */
export function templatesOf(text: string): string[] {
  return [...text.matchAll(/\{\{[^}]*\}\}/g)].map((match) => match[0]).sort();
}
