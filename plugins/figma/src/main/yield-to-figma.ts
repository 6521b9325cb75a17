/**
 * Plugin code shares Figma's main thread with the editor: long loops freeze it. Work in chunks and
 * call this between them so Figma can paint and take input.
 */
export function yieldToFigma(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
