/**
 * Every `brandlock` command, in the order help lists them, as its words and a loader: a command's module
 * (and what it imports: the lock schema, the brief parser, the database...) is loaded only when that
 * command runs, so `brandlock lut apply` starts without compiling the rest of the CLI.
 */
import type { CliCommand } from '../command';

export interface CommandEntry {
  /** Words that select the command; the same as the loaded command's `path`. */
  path: string[];
  load(): Promise<CliCommand>;
}

export const commands: CommandEntry[] = [
  { path: ['lock', 'check'], load: async () => (await import('./lock-check')).lockCheck },
  { path: ['lock', 'diff'], load: async () => (await import('./lock-diff')).lockDiff },
  { path: ['lock', 'schema'], load: async () => (await import('./lock-schema')).lockSchema },
  { path: ['lock', 'calibrate'], load: async () => (await import('./lock-calibrate')).lockCalibrate },
  { path: ['palette', 'import'], load: async () => (await import('./palette-import')).paletteImport },
  { path: ['palette', 'measure'], load: async () => (await import('./palette-measure')).paletteMeasure },
  { path: ['palette', 'export'], load: async () => (await import('./palette-export')).paletteExport },
  { path: ['brief', 'check'], load: async () => (await import('./brief-check')).briefCheck },
  { path: ['plan'], load: async () => (await import('./plan')).plan },
  { path: ['produce'], load: async () => (await import('./produce')).produce },
  { path: ['recipe', 'status'], load: async () => (await import('./recipe-status')).recipeStatus },
  { path: ['recipe', 'approve'], load: async () => (await import('./recipe-approve')).recipeApprove },
  { path: ['recipe', 'adjust'], load: async () => (await import('./recipe-adjust')).recipeAdjust },
  { path: ['library', 'add'], load: async () => (await import('./library-add')).libraryAdd },
  { path: ['library', 'list'], load: async () => (await import('./library-list')).libraryList },
  { path: ['library', 'edit'], load: async () => (await import('./library-edit')).libraryEdit },
  { path: ['library', 'coverage'], load: async () => (await import('./library-coverage')).libraryCoverageCommand },
  { path: ['lora', 'train'], load: async () => (await import('./lora-train')).loraTrain },
  { path: ['qc'], load: async () => (await import('./qc')).qc },
  { path: ['swatch', 'measure'], load: async () => (await import('./swatch-measure')).swatchMeasure },
  { path: ['variants'], load: async () => (await import('./variants')).variants },
  { path: ['lut', 'info'], load: async () => (await import('./lut-info')).lutInfo },
  { path: ['lut', 'apply'], load: async () => (await import('./lut-apply')).lutApply },
  { path: ['lut', 'icc'], load: async () => (await import('./lut-icc')).lutIcc },
  { path: ['color', 'diff'], load: async () => (await import('./color-diff')).colorDiff },
  { path: ['serve'], load: async () => (await import('./serve')).serve },
  { path: ['token', 'create'], load: async () => (await import('./token-create')).tokenCreate },
  { path: ['token', 'list'], load: async () => (await import('./token-list')).tokenList },
  { path: ['token', 'revoke'], load: async () => (await import('./token-revoke')).tokenRevoke },
];

/** Every command, loaded (for the help listing and tests). */
export function loadCommands(): Promise<CliCommand[]> {
  return Promise.all(commands.map((c) => c.load()));
}
