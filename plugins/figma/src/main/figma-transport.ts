/** The main thread's side of the bus: `figma.ui.postMessage` out, `figma.ui.on('message')` in. */
import type { BusTransport } from '../bus/wire';

export function figmaTransport(): BusTransport {
  return {
    post: (message) => figma.ui.postMessage(message),
    listen(receive) {
      const handler = (message: unknown) => receive(message);
      figma.ui.on('message', handler);
      return () => figma.ui.off('message', handler);
    },
  };
}
