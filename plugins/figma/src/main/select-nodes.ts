/** Selects layers by id on the current page and brings them into view (for "show me" links in the UI). */
import { requireArray } from './check-params';

export async function selectNodesAsync(nodeIds: unknown): Promise<number> {
  const ids = requireArray<string>(nodeIds, 'nodeIds', 10_000);
  const nodes: SceneNode[] = [];
  for (const id of ids) {
    const n = await figma.getNodeByIdAsync(String(id));
    if (n && !n.removed && isOnPage(n, figma.currentPage)) nodes.push(n as SceneNode);
  }
  figma.currentPage.selection = nodes;
  if (nodes.length) figma.viewport.scrollAndZoomIntoView(nodes);
  return nodes.length;
}

/** Whether a node lies on the given page (at any depth). */
export function isOnPage(n: BaseNode, page: PageNode): boolean {
  let p: BaseNode | null = n.parent;
  while (p && p.type !== 'PAGE') p = p.parent;
  return p === page;
}
