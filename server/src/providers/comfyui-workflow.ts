/**
 * The ComfyUI workflow template: an API-format graph ("Save (API format)") whose inputs may be
 * `$placeholders` ($checkpoint, $prompt, $negative_prompt, $width, $height, $count, $steps, $cfg,
 * $seed, $source_image, $filename_prefix). One LoraLoader (or LoraLoaderModelOnly) node whose
 * `lora_name` is "$lora" marks where the recipe's LoRAs go: it becomes a chain of loaders, one per
 * LoRA, each fed the previous one's MODEL and CLIP, with "$lora_strength" set per LoRA; with no LoRAs
 * it is removed and its consumers wired to its inputs. The template is validated like hostile input.
 */
import { z } from 'zod';
import { fillInputTemplate } from './input-template';

const NODE_ID = /^[A-Za-z0-9_:.-]{1,64}$/;
const Node = z.object({
  class_type: z.string().min(1).max(200),
  inputs: z.record(z.string(), z.unknown()),
  _meta: z.record(z.string(), z.unknown()).optional(),
});
const Graph = z.record(z.string(), Node).refine((g) => Object.keys(g).length > 0 && Object.keys(g).length <= 500, 'expected 1 to 500 nodes');

export type ComfyGraph = z.infer<typeof Graph>;

const LORA_LOADERS = new Set(['LoraLoader', 'LoraLoaderModelOnly']);

/** The built-in text-to-image template: checkpoint, LoRA chain, KSampler, SaveImage. */
export const DEFAULT_WORKFLOW: ComfyGraph = {
  '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: '$checkpoint' } },
  '10': { class_type: 'LoraLoader', inputs: { model: ['4', 0], clip: ['4', 1], lora_name: '$lora', strength_model: '$lora_strength', strength_clip: '$lora_strength' } },
  '6': { class_type: 'CLIPTextEncode', inputs: { text: '$prompt', clip: ['10', 1] } },
  '7': { class_type: 'CLIPTextEncode', inputs: { text: '$negative_prompt', clip: ['10', 1] } },
  '5': { class_type: 'EmptyLatentImage', inputs: { width: '$width', height: '$height', batch_size: '$count' } },
  '3': {
    class_type: 'KSampler',
    inputs: { seed: '$seed', steps: '$steps', cfg: '$cfg', sampler_name: 'euler', scheduler: 'normal', denoise: 1, model: ['10', 0], positive: ['6', 0], negative: ['7', 0], latent_image: ['5', 0] },
  },
  '8': { class_type: 'VAEDecode', inputs: { samples: ['3', 0], vae: ['4', 2] } },
  '9': { class_type: 'SaveImage', inputs: { filename_prefix: '$filename_prefix', images: ['8', 0] } },
};

/** Validates a template; errors name `source`, the node and the problem. */
export function parseWorkflow(raw: unknown, source: string): ComfyGraph {
  for (const id of raw && typeof raw === 'object' && !Array.isArray(raw) ? Object.keys(raw) : []) {
    if (!NODE_ID.test(id)) throw new Error(`${source}: node id ${JSON.stringify(id.slice(0, 80))}: expected 1-64 letters, digits, _ : . -`);
  }
  const res = Graph.safeParse(raw);
  if (!res.success) throw new Error(res.error.issues.map((i) => `${source}: ${i.path.join('.') || '(graph)'}: ${i.message}`).join('\n'));
  const graph = res.data;
  for (const [id, node] of Object.entries(graph)) {
    for (const [input, value] of Object.entries(node.inputs)) {
      if (isLink(value) && !Object.hasOwn(graph, value[0])) throw new Error(`${source}: node ${id} input ${input} links to missing node ${value[0]}`);
    }
  }
  if (loraAnchors(graph).length > 1) throw new Error(`${source}: more than one LoRA loader has lora_name "$lora"; expected one`);
  return graph;
}

export interface WorkflowValues {
  checkpoint: string;
  prompt: string;
  negative_prompt: string;
  width: number;
  height: number;
  count: number;
  steps: number;
  cfg: number;
  seed: number;
  filename_prefix: string;
  source_image?: string;
  loras: { file: string; strength: number }[];
}

export interface FilledWorkflow {
  graph: ComfyGraph;
  used: Set<string>;
  /** False when the recipe has LoRAs but the template has no "$lora" loader. */
  lorasPlaced: boolean;
}

export function fillWorkflow(template: ComfyGraph, values: WorkflowValues, source: string): FilledWorkflow {
  const { loras, ...scalars } = values;
  // Placeholders are filled before the LoRA chain is built, so a LoRA file name is never read as one.
  const filled = fillInputTemplate(template, { ...scalars, lora: '$lora', lora_strength: '$lora_strength' }, source);
  const graph = filled.input as ComfyGraph;
  const anchors = loraAnchors(graph);
  return { graph: anchors.length ? expandLoras(graph, anchors[0], loras) : graph, used: filled.used, lorasPlaced: anchors.length > 0 || loras.length === 0 };
}

function expandLoras(template: ComfyGraph, anchorId: string, loras: WorkflowValues['loras']): ComfyGraph {
  const anchor = template[anchorId];
  const graph: ComfyGraph = {};
  for (const [id, node] of Object.entries(template)) if (id !== anchorId) graph[id] = structuredClone(node);
  let last: string | null = null;
  loras.forEach((lora, k) => {
    const id = k === 0 ? anchorId : `${anchorId}_${k}`;
    const inputs: Record<string, unknown> = { ...structuredClone(anchor.inputs), lora_name: lora.file };
    for (const key of ['strength_model', 'strength_clip']) if (inputs[key] === '$lora_strength') inputs[key] = lora.strength;
    if (last) {
      inputs.model = [last, 0];
      if ('clip' in inputs) inputs.clip = [last, 1];
    }
    graph[id] = { ...structuredClone(anchor), inputs };
    last = id;
  });
  const rewire = (slot: number): unknown => (last ? [last, slot] : anchor.inputs[slot === 0 ? 'model' : 'clip']);
  for (const [id, node] of Object.entries(graph)) {
    if (id === anchorId || id.startsWith(`${anchorId}_`)) continue;
    for (const [input, value] of Object.entries(node.inputs)) {
      if (isLink(value) && value[0] === anchorId) node.inputs[input] = rewire(value[1]);
    }
  }
  return graph;
}

function loraAnchors(graph: ComfyGraph): string[] {
  return Object.entries(graph)
    .filter(([, node]) => LORA_LOADERS.has(node.class_type) && node.inputs.lora_name === '$lora')
    .map(([id]) => id);
}

function isLink(value: unknown): value is [string, number] {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'number';
}

/** The seed a filled graph ran with: the first numeric `seed` or `noise_seed` input. */
export function graphSeed(graph: unknown): number | undefined {
  if (!graph || typeof graph !== 'object') return undefined;
  for (const node of Object.values(graph as Record<string, { inputs?: Record<string, unknown> }>)) {
    const seed = node?.inputs?.seed ?? node?.inputs?.noise_seed;
    if (typeof seed === 'number') return seed;
  }
  return undefined;
}
