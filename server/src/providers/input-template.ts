/**
 * Fills a provider request template from configuration. A placeholder is a whole string value such
 * as "$prompt" or "$seed"; it is replaced by the typed value (a number stays a number, the LoRA list
 * stays a list), never spliced into text, so a prompt cannot inject fields. A placeholder whose value
 * is undefined drops its key. "$$x" stands for the literal string "$x".
 */

const PLACEHOLDER = /^\$([a-z_][a-z0-9_]*)$/;

export interface FilledTemplate {
  input: unknown;
  /** Placeholder names the template used. */
  used: Set<string>;
}

/** Throws naming `where` and the placeholder when the template uses a name not in `values`. */
export function fillInputTemplate(template: unknown, values: Record<string, unknown>, where: string): FilledTemplate {
  const used = new Set<string>();
  const fill = (node: unknown, path: string, depth: number): unknown => {
    if (depth > 20) throw new Error(`${where}: template nests deeper than 20 levels at ${path}`);
    if (typeof node === 'string') {
      if (node.startsWith('$$')) return node.slice(1);
      const m = PLACEHOLDER.exec(node);
      if (!m) return node;
      if (!Object.hasOwn(values, m[1])) {
        throw new Error(`${where}: ${path}: unknown placeholder "${node}"; expected one of ${Object.keys(values).map((k) => `$${k}`).join(' ')}`);
      }
      used.add(m[1]);
      return values[m[1]];
    }
    if (Array.isArray(node)) return node.map((v, i) => fill(v, `${path}[${i}]`, depth + 1)).filter((v) => v !== undefined);
    if (node && typeof node === 'object') {
      const entries = Object.entries(node).map(([k, v]) => [k, fill(v, path ? `${path}.${k}` : k, depth + 1)] as const);
      return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
    }
    return node;
  };
  return { input: fill(template, '', 0), used };
}
