/**
 * The provider map: how the lock's provider-neutral base models and LoRA refs become each provider's
 * own identifiers (a fal endpoint and weights URL, a Replicate model, a Runway model, a ComfyUI
 * checkpoint and LoRA file). It is configuration, read from the JSON file named by
 * BRANDLOCK_PROVIDER_MAP, never a guess in code.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { InputError } from '../cli/command';
import { parseJsonText, readJsonFile } from '../io/read-json-file';

const Identifier = z.string().min(1).max(2000);

/** A model: its provider id, optionally the request input as a template with `$placeholders`. */
const ModelEntry = z.union([
  Identifier,
  z.strictObject({
    id: Identifier,
    input: z.record(z.string(), z.unknown()).optional(),
    /** Output ratios the model accepts ("1080:1440"); the nearest to the recipe's size is sent. */
    ratios: z.array(z.string().regex(/^\d+:\d+$/, 'expected "width:height"')).min(1).optional(),
    /** Video models: clip lengths the model accepts, seconds; the nearest to the motion brief's is sent. */
    durations: z.array(z.number().positive().max(60)).min(1).optional(),
  }),
]);

const HostedProvider = z.strictObject({
  models: z.record(z.string(), ModelEntry).default({}),
  /** The model used for `video` jobs. */
  video: ModelEntry.optional(),
  /** LoRA ref -> weights URL / id (fal, Replicate) or reference image URL (Runway). */
  loras: z.record(z.string(), Identifier).default({}),
});

const ComfyProvider = z.strictObject({
  /** Base model -> checkpoint file name in ComfyUI's models/checkpoints. */
  models: z.record(z.string(), Identifier).default({}),
  /** LoRA ref -> file name in ComfyUI's models/loras. */
  loras: z.record(z.string(), Identifier).default({}),
  /** API-format workflow template, relative to the map file; the built-in template when absent. */
  workflow: z.string().min(1).optional(),
});

export const ProviderMapSchema = z.strictObject({
  fal: HostedProvider.optional(),
  replicate: HostedProvider.optional(),
  runway: HostedProvider.optional(),
  comfyui: ComfyProvider.optional(),
});

export type ProviderMap = z.infer<typeof ProviderMapSchema>;
export type HostedProviderMap = z.infer<typeof HostedProvider>;
export type ComfyProviderMap = z.infer<typeof ComfyProvider>;
export type ModelEntry = z.infer<typeof ModelEntry>;

export interface ResolvedModel {
  id: string;
  input?: Record<string, unknown>;
  ratios?: string[];
  durations?: number[];
}

export function resolveModelEntry(entry: ModelEntry): ResolvedModel {
  return typeof entry === 'string' ? { id: entry } : entry;
}

export interface LoadedProviderMap {
  map: ProviderMap;
  /** Where the map came from, for error messages. */
  source: string;
  /** The ComfyUI workflow template, parsed, when the map names one. */
  comfyWorkflow?: unknown;
}

/** Validates a parsed map; errors name the field, what was found and what was expected. */
export function parseProviderMap(raw: unknown, source: string): ProviderMap {
  const res = ProviderMapSchema.safeParse(raw);
  if (res.success) return res.data;
  const lines = res.error.issues.map((i) => `${source}: ${i.path.join('.') || '(top level)'}: ${i.message}`);
  throw new InputError(lines.join('\n'));
}

/** Reads the map file (and the ComfyUI workflow it names). */
export async function loadProviderMap(path: string): Promise<LoadedProviderMap> {
  const map = parseProviderMap(await readJsonFile(resolve(path), path), path);
  const workflowPath = map.comfyui?.workflow;
  const comfyWorkflow = workflowPath ? await readJsonFile(resolve(dirname(resolve(path)), workflowPath), workflowPath) : undefined;
  return { map, source: path, comfyWorkflow };
}

/** The same, synchronously, for the registry, which builds providers while the server starts. */
export function loadProviderMapSync(path: string): LoadedProviderMap {
  const map = parseProviderMap(readJsonFileSync(resolve(path), path), path);
  const workflowPath = map.comfyui?.workflow;
  const comfyWorkflow = workflowPath ? readJsonFileSync(resolve(dirname(resolve(path)), workflowPath), workflowPath) : undefined;
  return { map, source: path, comfyWorkflow };
}

function readJsonFileSync(path: string, label: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${label}: no such file` : `${label}: cannot read (${code ?? (e as Error).message})`);
  }
  return parseJsonText(text, label);
}
