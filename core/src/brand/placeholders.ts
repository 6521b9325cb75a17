/**
 * The `{placeholders}` a recipe prompt template may use, with what fills each one at plan time.
 * A template naming anything else is a lock error, so typos never reach a GPU.
 */

export const PROMPT_PLACEHOLDERS = {
  sku: 'the SKU code from the brief',
  colorway: 'the colorway name from the brief',
  category: 'the garment category name',
  fabric: 'the fabric from the brief, e.g. "organic cotton poplin"',
  fabricWeight: 'the fabric weight in g/m², e.g. "180 gsm"',
  silhouette: 'the silhouette from the brief, e.g. "relaxed shirt"',
  color: 'the swatch name (palette name when the swatch is an id)',
  view: 'the view name from the pose set, e.g. "front"',
  pose: "the view's prompt fragment",
  lighting: "the lighting preset's prompt fragment",
  model: "the model profile's name",
  trigger: "the model LoRA's trigger word",
  texture: "the recipe's texture notes",
  drape: "the recipe's drape notes",
  notes: 'the notes column of the brief',
} as const;

export type PromptPlaceholder = keyof typeof PROMPT_PLACEHOLDERS;

const TOKEN = /\{([^{}]*)\}/g;

/** Every `{name}` used in a template, in order of first use. */
export function placeholdersIn(template: string): string[] {
  const seen: string[] = [];
  for (const m of template.matchAll(TOKEN)) if (!seen.includes(m[1])) seen.push(m[1]);
  return seen;
}

/** Placeholders in a template that are not known names. */
export function unknownPlaceholders(template: string, known: readonly string[]): string[] {
  return placeholdersIn(template).filter((name) => !known.includes(name));
}

/**
 * Fills `{name}` tokens from values; unknown names are left as they are (validation catches them earlier).
 * Whitespace left by empty values is collapsed.
 * @example fillTemplate('{a} and {b}', { a: 'x', b: 'y' }) // 'x and y'
 */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template
    .replace(TOKEN, (whole, name: string) => (name in values ? values[name] : whole))
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\s+([,.;])/g, '$1')
    .replace(/,\s*,/g, ',')
    .trim();
}
