/** The Figma plugin manifest fields we write, as documented at developers.figma.com/docs/plugins/manifest. */

export type EditorType = 'figma' | 'figjam' | 'slides' | 'dev';

export interface NetworkAccess {
  allowedDomains: string[];
  reasoning?: string;
  devAllowedDomains?: string[];
}

export type MenuItem = { name: string; command: string } | { separator: true } | { name: string; menu: MenuItem[] };

export interface RelaunchButton {
  command: string;
  name: string;
  multipleSelection?: boolean;
}

export interface FigmaManifest {
  name: string;
  id: string;
  api: string;
  main: string;
  ui?: string | Record<string, string>;
  editorType: EditorType[];
  documentAccess?: 'dynamic-page';
  networkAccess?: NetworkAccess;
  menu?: MenuItem[];
  relaunchButtons?: RelaunchButton[];
  permissions?: string[];
  capabilities?: string[];
  enableProposedApi?: boolean;
  enablePrivatePluginApi?: boolean;
  build?: string;
}

/** The plugin's commands: the menu entries and relaunch buttons open the matching screen. */
export const PLUGIN_COMMANDS = {
  moodboard: 'Moodboard from a brief',
  variants: 'Channel variants',
  palette: 'Palette check',
  lut: 'LUT preview',
} as const;
export type PluginCommand = keyof typeof PLUGIN_COMMANDS;
