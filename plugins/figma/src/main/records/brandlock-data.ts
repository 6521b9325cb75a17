/**
 * Where brandlock keeps what it knows about a layer: Figma's *shared* plugin data under the namespace
 * "brandlock". Private plugin data is keyed by the plugin id, which changes when the plugin is
 * published (and differs between brand builds), so records written there by a pilot build would
 * vanish; shared data stays readable by every build, by other tools and by Figma's REST API.
 * Records written by earlier builds under private keys are still read, as a fallback.
 */

export const NAMESPACE = 'brandlock';

/** The records brandlock writes, and the private key earlier builds used for each. */
const LEGACY_KEYS = {
  variant: 'brandlock.variant',
  naming: 'brandlock.naming',
  board: 'brandlock.board',
  'board-cell': 'brandlock.boardCell',
  'copy-fit': 'brandlock.copyFit',
  'lut-preview': 'brandlock.lutPreview',
  'variant-set': 'brandlock.variantSet',
} as const;

export type RecordKey = keyof typeof LEGACY_KEYS;

/** Writes a record as JSON (null removes it). */
export function writeRecord(node: BaseNode, key: RecordKey, value: unknown): void {
  node.setSharedPluginData(NAMESPACE, key, value === null ? '' : JSON.stringify(value));
}

/** Reads a record; null when there is none or it is not JSON. */
export function readRecord<T>(node: BaseNode, key: RecordKey): T | null {
  const raw = node.getSharedPluginData(NAMESPACE, key) || node.getPluginData(LEGACY_KEYS[key]);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

/**
 * The nodes of these types under `root` that carry a record of this kind (shared data, or the private
 * key an earlier build used), found with findAllWithCriteria: Figma searches its index of plugin data
 * instead of calling back into the plugin for every layer of the page ("up to hundreds of times
 * faster in large documents", the typings say). Each node once, in the page's order per kind.
 */
export function nodesWithRecord<T extends NodeType>(root: ChildrenMixin, key: RecordKey, types: T[]): SceneNode[] {
  const shared = root.findAllWithCriteria({ types, sharedPluginData: { namespace: NAMESPACE, keys: [key] } });
  const legacy = root.findAllWithCriteria({ types, pluginData: { keys: [LEGACY_KEYS[key]] } });
  if (!legacy.length) return shared;
  const seen = new Set(shared.map((n) => n.id));
  return [...shared, ...legacy.filter((n) => !seen.has(n.id))];
}

/** Whether a node carries any brandlock record of these kinds. */
export function hasRecord(node: BaseNode, keys: readonly RecordKey[]): boolean {
  return keys.some((k) => node.getSharedPluginData(NAMESPACE, k) !== '' || node.getPluginData(LEGACY_KEYS[k]) !== '');
}
