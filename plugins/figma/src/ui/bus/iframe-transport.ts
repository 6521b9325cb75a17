/**
 * The UI's side of the bus. Figma delivers main-thread messages as `{ pluginMessage }` events from the
 * parent window and takes ours the same way; anything from another window is ignored.
 */
import type { BusTransport } from '../../bus/wire';

export function iframeTransport(win: Window = window): BusTransport {
  return {
    post: (message) => win.parent.postMessage({ pluginMessage: message }, '*'),
    listen(receive) {
      const handler = (event: MessageEvent) => {
        if (event.source !== win.parent) return;
        const data = event.data as { pluginMessage?: unknown } | null;
        if (data && typeof data === 'object' && 'pluginMessage' in data) receive(data.pluginMessage);
      };
      win.addEventListener('message', handler);
      return () => win.removeEventListener('message', handler);
    },
  };
}
