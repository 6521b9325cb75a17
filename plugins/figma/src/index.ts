/** brandlock Figma plugin. The plugin lands with the Figma plugin issue. */
export const PLUGIN_NAME = 'brandlock';
