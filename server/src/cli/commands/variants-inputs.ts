/**
 * What `brandlock variants` reads besides the master: the lock (with the channel selection) and the
 * provenance. Imported after the master's decode has started, so the lock schema is built and the
 * lock checked while libvips decodes.
 */
import { resolve } from 'node:path';
import { VariantProvenance } from '@brandlock/core';
import { InputError, type CliArgs } from '../command';
import { readJsonFile } from '../../io/read-json-file';

export { formatLockIssue, selectChannels } from '@brandlock/core';
export { readLockFile } from '../../io/read-lock-file';

const str = (v: CliArgs['values'][string]) => (typeof v === 'string' ? v : undefined);

/** The provenance to embed: a --provenance JSON file, overridden field by field by the flags. */
export async function provenanceFrom(values: CliArgs['values'], cwd: string): Promise<VariantProvenance> {
  const file = str(values.provenance);
  const fromFile = file ? ((await readJsonFile(resolve(cwd, file), file)) as Record<string, unknown>) : {};
  const flags = { jobId: values.job, provider: values.provider, model: values.model, seed: str(values.seed), recipeHash: values['recipe-hash'], qc: values.qc, digitalSourceType: values['source-type'], title: values.title, description: values.description };
  const merged = { ...fromFile, ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)) };
  const parsed = VariantProvenance.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${file && issue.path[0] in fromFile ? `${file}: ` : ''}provenance field "${issue.path.join('.')}": ${issue.message}`);
  }
  return parsed.data;
}
