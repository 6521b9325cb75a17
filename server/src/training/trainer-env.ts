/**
 * The trainers configured by the environment, with the same variables as the image providers plus
 * what training needs: FAL_KEY, FAL_BASE_URL (queue), FAL_REST_URL (storage uploads, default
 * https://rest.alpha.fal.ai), FAL_ALLOWED_HOSTS; REPLICATE_API_TOKEN, REPLICATE_BASE_URL,
 * REPLICATE_TRAINER (owner/model:version), REPLICATE_TRAINING_DESTINATION (owner/model),
 * REPLICATE_ALLOWED_HOSTS; prices BRANDLOCK_TRAIN_PRICE_FAL and BRANDLOCK_TRAIN_PRICE_REPLICATE.
 * Problems name the variable.
 */
import { DEFAULT_ALLOWED_HOSTS, DEFAULT_BASE_URLS } from '../config/provider-config';
import { parseHostAllowlist, type HostRule } from '../config/host-allowlist';
import { DEFAULT_RETRY_POLICY } from '../providers/http-retry';
import { createFalTrainer } from './fal-trainer';
import { createReplicateTrainer } from './replicate-trainer';
import type { Trainer, TrainerName } from './trainer';

export class TrainerConfigError extends Error {
  override name = 'TrainerConfigError';
}

export function trainerFromEnv(name: TrainerName, env: Record<string, string | undefined>, fetchImpl?: typeof fetch): { trainer: Trainer; allowed: HostRule[] } {
  const need = (v: string) => {
    const value = env[v]?.trim();
    if (!value) throw new TrainerConfigError(`${v} is not set: training on ${name} needs it`);
    return value;
  };
  const price = (v: string) => {
    const raw = env[v]?.trim();
    if (!raw) return undefined;
    const n = Number(raw);
    if (!(n >= 0)) throw new TrainerConfigError(`${v}: "${raw}" is not a price in USD`);
    return n;
  };
  const hosts = (v: string, fallback: string) => parseHostAllowlist(env[v]?.trim() || fallback, v);
  if (name === 'fal') {
    const trainer = createFalTrainer({ key: need('FAL_KEY'), queueUrl: env.FAL_BASE_URL?.trim() || DEFAULT_BASE_URLS.fal, restUrl: env.FAL_REST_URL?.trim() || 'https://rest.alpha.fal.ai', policy: DEFAULT_RETRY_POLICY, pricePer1000Steps: price('BRANDLOCK_TRAIN_PRICE_FAL'), fetch: fetchImpl });
    return { trainer, allowed: hosts('FAL_ALLOWED_HOSTS', DEFAULT_ALLOWED_HOSTS.fal) };
  }
  const trainer = createReplicateTrainer({ token: need('REPLICATE_API_TOKEN'), baseUrl: env.REPLICATE_BASE_URL?.trim() || DEFAULT_BASE_URLS.replicate, trainer: need('REPLICATE_TRAINER'), destination: need('REPLICATE_TRAINING_DESTINATION'), policy: DEFAULT_RETRY_POLICY, pricePerSecond: price('BRANDLOCK_TRAIN_PRICE_REPLICATE'), fetch: fetchImpl });
  return { trainer, allowed: hosts('REPLICATE_ALLOWED_HOSTS', DEFAULT_ALLOWED_HOSTS.replicate) };
}
