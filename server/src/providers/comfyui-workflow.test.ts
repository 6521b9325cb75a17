import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKFLOW, fillWorkflow, graphSeed, parseWorkflow, type WorkflowValues } from './comfyui-workflow';

const values: WorkflowValues = {
  checkpoint: 'flux1-dev.safetensors', prompt: 'p', negative_prompt: '', width: 512, height: 768, count: 1, steps: 20, cfg: 3.5, seed: 7, filename_prefix: 'brandlock/j',
  loras: [{ file: 'a.safetensors', strength: 0.8 }, { file: 'b.safetensors', strength: 0.3 }, { file: 'c.safetensors', strength: 1 }],
};

describe('fillWorkflow', () => {
  it('chains a model-only LoRA loader and rewires its consumers to the last one', () => {
    const template = parseWorkflow({
      '1': { class_type: 'UNETLoader', inputs: { unet_name: '$checkpoint', weight_dtype: 'default' } },
      '2': { class_type: 'LoraLoaderModelOnly', inputs: { model: ['1', 0], lora_name: '$lora', strength_model: '$lora_strength' } },
      '3': { class_type: 'KSampler', inputs: { model: ['2', 0], seed: '$seed' } },
    }, 'flux.json');
    const { graph, used } = fillWorkflow(template, values, 'flux.json');
    expect(graph['2'].inputs).toEqual({ model: ['1', 0], lora_name: 'a.safetensors', strength_model: 0.8 });
    expect(graph['2_1'].inputs).toEqual({ model: ['2', 0], lora_name: 'b.safetensors', strength_model: 0.3 });
    expect(graph['2_2'].inputs).toEqual({ model: ['2_1', 0], lora_name: 'c.safetensors', strength_model: 1 });
    expect(graph['3'].inputs.model).toEqual(['2_2', 0]);
    expect(graph['1'].inputs.unet_name).toBe('flux1-dev.safetensors');
    expect(used.has('seed')).toBe(true);
    expect(graphSeed(graph)).toBe(7);
  });

  it('never reads a LoRA file name or a prompt as a placeholder', () => {
    const { graph } = fillWorkflow(DEFAULT_WORKFLOW, { ...values, prompt: '$seed', loras: [{ file: '$checkpoint', strength: 1 }] }, 'built-in');
    expect(graph['6'].inputs.text).toBe('$seed');
    expect(graph['10'].inputs.lora_name).toBe('$checkpoint');
  });

  it('refuses a graph with a missing link target or two LoRA anchors', () => {
    expect(() => parseWorkflow({ a: { class_type: 'X', inputs: { m: ['b', 0] } } }, 'w.json')).toThrow('w.json: node a input m links to missing node b');
    const two = { ...DEFAULT_WORKFLOW, '11': { class_type: 'LoraLoader', inputs: { lora_name: '$lora' } } };
    expect(() => parseWorkflow(two, 'w.json')).toThrow(/more than one LoRA loader/);
    expect(() => parseWorkflow({ '../x': { class_type: 'X', inputs: {} } }, 'w.json')).toThrow('w.json: node id "../x": expected 1-64 letters, digits, _ : . -');
    expect(() => parseWorkflow([], 'w.json')).toThrow(/w\.json/);
  });
});
