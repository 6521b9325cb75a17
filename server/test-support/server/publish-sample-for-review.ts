/**
 * The sample brand on a test server, set up for review flows: the sample lock published with jersey
 * sent to a person whatever QC says (so a master is in the review queue), its recipes approved, its
 * LUTs uploaded, and the sample brief uploaded. Returns the brief's id.
 */
import { readFile } from 'node:fs/promises';
import type { BrandlockClient } from '@brandlock/core/api';
import { approveCurrentRecipes } from './approve-recipes';

const samples = new URL('../../../samples/', import.meta.url);

export async function publishSampleForReview(admin: BrandlockClient, briefUploader: BrandlockClient = admin): Promise<string> {
  const lock = JSON.parse(await readFile(new URL('brand-lock.json', samples), 'utf8'));
  const jersey = lock.categories.find((c: { id: string }) => c.id === 'jersey');
  jersey.qc = { ...jersey.qc, humanReview: 'always' };
  await admin.locks.publish(lock);
  await approveCurrentRecipes(admin);
  for (const lut of ['warm-studio', 'cool-editorial']) await admin.luts.put(await readFile(new URL(`luts/${lut}.cube`, samples)));
  return (await briefUploader.briefs.upload({ name: 'SS27 core', text: await readFile(new URL('brief.csv', samples), 'utf8') })).id;
}
