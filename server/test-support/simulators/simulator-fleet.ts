/**
 * All four provider simulators at once, for tests that run the server (possibly in a child process
 * that gets killed) against every provider: their environment variables, a provider map file
 * naming the sample lock's base model and LoRAs, and one place to ask for duplicate submissions.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProviderName } from '../../src/providers/provider';
import type { ProviderMap } from '../../src/providers/provider-map';
import { ComfySimulator } from './comfyui-simulator';
import { FalSimulator } from './fal-simulator';
import type { FaultPlan } from './fault-plan';
import { ReplicateSimulator } from './replicate-simulator';
import { RunwaySimulator } from './runway-simulator';
import type { SubmissionLedger } from './submission-ledger';

export type SimulatedProvider = Exclude<ProviderName, 'local'>;

export interface FleetOptions {
  /** The fault plan of each simulator (one plan per simulator keeps their random streams apart). */
  faults?: Partial<Record<SimulatedProvider, FaultPlan>>;
  queueMs?: number;
  runMs?: number;
  imageMaxSide?: number;
  /** Poll interval the adapters are configured with. */
  pollIntervalMs?: number;
  /** The credentials each simulator accepts (its own random ones when absent). */
  credentials?: { fal?: string; replicate?: string; runway?: string; comfyuiToken?: string };
}

export class SimulatorFleet {
  private constructor(
    readonly fal: FalSimulator,
    readonly replicate: ReplicateSimulator,
    readonly runway: RunwaySimulator,
    readonly comfyui: ComfySimulator,
    private readonly options: FleetOptions,
  ) {}

  static async start(options: FleetOptions = {}): Promise<SimulatorFleet> {
    const timing = { queueMs: options.queueMs ?? 20, runMs: options.runMs ?? 40, imageMaxSide: options.imageMaxSide };
    const [fal, replicate, runway, comfyui] = await Promise.all([
      FalSimulator.start({ ...timing, faults: options.faults?.fal, key: options.credentials?.fal }),
      ReplicateSimulator.start({ ...timing, faults: options.faults?.replicate, token: options.credentials?.replicate }),
      RunwaySimulator.start({ ...timing, faults: options.faults?.runway, secret: options.credentials?.runway }),
      ComfySimulator.start({ runMs: timing.runMs, imageMaxSide: options.imageMaxSide, faults: options.faults?.comfyui, token: options.credentials?.comfyuiToken }),
    ]);
    return new SimulatorFleet(fal, replicate, runway, comfyui, options);
  }

  ledger(provider: SimulatedProvider): SubmissionLedger {
    return this[provider].ledger;
  }

  /** Every key submitted more than once, on any simulator. */
  duplicates(): { provider: SimulatedProvider; key: string; count: number }[] {
    return (['fal', 'replicate', 'runway', 'comfyui'] as const).flatMap((provider) => this.ledger(provider).duplicates().map(([key, count]) => ({ provider, key, count })));
  }

  /** Environment for a server using all four simulators (keys, URLs, hosts, poll intervals, map file). */
  env(mapFile: string): Record<string, string> {
    const poll = String(this.options.pollIntervalMs ?? 50);
    return {
      ...this.fal.env(),
      ...this.replicate.env(),
      ...this.runway.env(),
      ...this.comfyui.env(),
      FAL_POLL_INTERVAL_MS: poll,
      REPLICATE_POLL_INTERVAL_MS: poll,
      RUNWAY_POLL_INTERVAL_MS: poll,
      COMFYUI_POLL_INTERVAL_MS: poll,
      BRANDLOCK_PROVIDER_MAP: mapFile,
    };
  }

  /** Writes a provider map for the sample lock (every model profile's and recipe's LoRA) to a temp folder. */
  async writeProviderMap(dir?: string): Promise<string> {
    const folder = dir ?? (await mkdtemp(join(tmpdir(), 'brandlock-fleet-')));
    const refs = ['northfold/models/ava-v3', 'northfold/models/kofi-v2', 'northfold/models/mei-v1', 'northfold/styles/sequin-detail-v1', 'northfold/styles/poplin-v1'];
    const weights = Object.fromEntries(refs.map((r) => [r, `https://weights.example/${r.replace(/\//g, '-')}.safetensors`]));
    const map: ProviderMap = {
      fal: { models: { 'flux-1-dev': 'fal-ai/flux-lora' }, loras: weights },
      replicate: { models: { 'flux-1-dev': 'black-forest-labs/flux-dev-lora' }, loras: weights },
      runway: { models: { 'flux-1-dev': 'gen4_image' }, loras: Object.fromEntries(refs.map((r) => [r, `https://refs.example/${r.replace(/\//g, '-')}.jpg`])) },
      comfyui: { models: { 'flux-1-dev': 'flux1-dev-fp8.safetensors' }, loras: Object.fromEntries(refs.map((r) => [r, `${r}.safetensors`])) },
    };
    const file = join(folder, 'providers.json');
    await writeFile(file, JSON.stringify(map, null, 2));
    return file;
  }

  async close(): Promise<void> {
    await Promise.all([this.fal.close(), this.replicate.close(), this.runway.close(), this.comfyui.close()]);
  }
}
