/** `brandlock lora train --provider fal|replicate --model-profile <id> --trigger <word> (--tag t | <asset ids>)`: a LoRA from library photos. */
import { resolve } from 'node:path';
import { formatLockIssue, pinTrainedLora } from '@brandlock/core';
import type { LibraryAsset } from '@brandlock/core/api';
import { EXIT, InputError, UsageError, type CliCommand } from '../command';
import { writeLockFile } from '../../io/write-lock-file';
import { listLibraryAssets } from '../../store/library';
import { runTraining } from '../../training/run-training';
import { trainerFromEnv, TrainerConfigError } from '../../training/trainer-env';
import type { TrainingImage } from '../../training/training-zip';
import { diffLocks } from '@brandlock/core';
import { lockOption, requireLock } from './shared-options';
import { libraryOptions, withLibrary } from './library-shared';

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/tiff': 'tif', 'image/avif': 'avif', 'image/gif': 'gif' };
const MIN_IMAGES = 4;

export const loraTrain: CliCommand = {
  path: ['lora', 'train'],
  summary: 'Train a LoRA at fal or Replicate from library photos an art director picked, and pin it in a new lock version',
  usage: '--provider fal|replicate --lock <lock.json> --model-profile <id> --trigger <word> (--tag <tag> | <asset ids...>) --out <lock.json> --version <label>',
  description: `Zips the picked library photos with a caption each (the trigger word and what the library knows),
uploads the zip to the provider, starts its FLUX LoRA trainer (fal: fal-ai/flux-lora-fast-training;
Replicate: REPLICATE_TRAINER into REPLICATE_TRAINING_DESTINATION) and waits for it. The provider's
job id is written to --state before waiting: run the same command again after a stop or a crash and
it picks the training up instead of paying for another. When it succeeds the weights are downloaded
(from the provider's allowed hosts) to hash them, and the model profile's LoRA is pinned in a new lock
version: weights URL, trigger word, version, training-set hashes, cost. Every category that casts
the profile then needs a pilot and an approval again.`,
  options: {
    provider: { type: 'string', value: '<fal|replicate>', description: 'The trainer\'s provider (its key from the environment)' },
    lock: lockOption,
    'model-profile': { type: 'string', value: '<id>', description: 'The model profile whose LoRA this trains' },
    trigger: { type: 'string', value: '<word>', description: 'Trigger word (default: the profile\'s current one)' },
    steps: { type: 'string', value: '<n>', description: 'Training steps', default: '1000' },
    tag: { type: 'string', value: '<tag>', description: 'Use the library photos with this tag' },
    out: { type: 'string', short: 'o', value: '<lock.json>', description: 'Write the lock with the trained LoRA pinned' },
    version: { type: 'string', value: '<label>', description: 'Version label of the new lock' },
    state: { type: 'string', value: '<file>', description: 'Where the training is remembered (default <out>.training.json)' },
    ...libraryOptions,
  },
  positionals: { min: 0, max: 500 },
  async run(args, io) {
    const v = args.values;
    const provider = v.provider;
    if (provider !== 'fal' && provider !== 'replicate') throw new UsageError('--provider must be fal or replicate');
    if (typeof v['model-profile'] !== 'string') throw new UsageError('--model-profile <id> is required');
    if (typeof v.out !== 'string' || typeof v.version !== 'string') throw new UsageError('--out <lock.json> and --version <label> are required: the trained LoRA is pinned in a new lock version');
    const steps = Number(v.steps ?? 1000);
    if (!Number.isInteger(steps) || steps < 10 || steps > 10_000) throw new UsageError(`--steps "${v.steps}" is not a whole number from 10 to 10000`);
    if (!v.tag && !args.positionals.length) throw new UsageError('pick the photos: --tag <tag> or asset ids');
    const lock = await requireLock(args, io);
    const profile = lock.lock.models.find((m) => m.id === v['model-profile']);
    if (!profile) throw new UsageError(`no model profile "${v['model-profile']}" in the lock; it has ${lock.lock.models.map((m) => m.id).join(', ')}`);
    const trigger = typeof v.trigger === 'string' ? v.trigger : profile.lora.triggerWord;
    if (!trigger || !/^[\p{L}\p{N}_-]{2,40}$/u.test(trigger)) throw new UsageError('--trigger <word> is required (letters, digits, "_" or "-"; the profile has none)');
    let trainer;
    try {
      trainer = trainerFromEnv(provider, io.env);
    } catch (e) {
      if (e instanceof TrainerConfigError || (e as Error).name === 'AllowlistError') throw new InputError((e as Error).message);
      throw e;
    }
    const images: TrainingImage[] = await withLibrary(args, io, async (access) => {
      const all: LibraryAsset[] = access.kind === 'api' ? (await access.api.library.list({ limit: 1000, ...(typeof v.tag === 'string' ? { tag: v.tag } : {}) })).assets : await listLibraryAssets(access.db, typeof v.tag === 'string' ? { tag: v.tag } : {});
      const wanted = args.positionals.map((p) => p.replace(/^library:/, '').toLowerCase());
      const picked = wanted.length ? wanted.map((w) => all.find((a) => a.id.startsWith(w)) ?? w) : all;
      const missing = picked.filter((p): p is string => typeof p === 'string');
      if (missing.length) throw new InputError(`not in the library: ${missing.join(', ')}`);
      const assets = picked as LibraryAsset[];
      const unusable = assets.filter((a) => !a.usable);
      if (unusable.length) throw new InputError(`not usable as training images: ${unusable.map((a) => `${a.path} (${a.findings.filter((f) => f.severity === 'unusable').map((f) => f.message).join('; ')})`).join(', ')}`);
      if (assets.length < MIN_IMAGES) throw new InputError(`${assets.length} photo${assets.length === 1 ? '' : 's'} picked; brandlock asks for at least ${MIN_IMAGES} (10 to 20 is usual for a LoRA)`);
      return Promise.all(assets.map(async (a) => {
        const bytes = access.kind === 'api' ? (await access.api.assets.get(a.id)).bytes : await access.blobs.get(a.id);
        if (!bytes) throw new InputError(`${a.path}: its bytes are missing from the library's blob store`);
        return { sha256: a.id, bytes, ext: EXT[a.contentType] ?? 'jpg', caption: `${trigger}, ${a.kind} photo of ${a.category ?? 'a garment'}${a.swatch ? ` in ${a.swatch.name.toLowerCase()}` : ''}` };
      }));
    });
    const statePath = resolve(io.cwd, typeof v.state === 'string' ? v.state : `${v.out}.training.json`);
    io.err(`training ${profile.id}'s LoRA on ${provider} (${trainer.trainer.trainer}) from ${images.length} photos, ${steps} steps, trigger "${trigger}"; state in ${statePath}\n`);
    const pollMs = Math.max(50, Number(io.env.BRANDLOCK_POLL_MIN_MS ?? 5000) || 5000);
    let last = '';
    const outcome = await runTraining({ trainer: trainer.trainer, allowed: trainer.allowed, images, triggerWord: trigger, steps, statePath, pollMs, signal: io.signal, onStatus: (s) => {
      if (s.state !== last) io.err(`  ${s.state}${s.logs?.length ? `: ${s.logs[s.logs.length - 1]}` : ''}\n`);
      last = s.state;
    } });
    if (outcome.kind === 'interrupted') {
      io.err(`stopped; the training ${outcome.providerJobId} goes on at ${provider}: run the same command again to wait for it\n`);
      return 130;
    }
    if (outcome.kind !== 'succeeded') throw new InputError(`the training ${outcome.providerJobId} ${outcome.kind}: ${outcome.message}`);
    const pinned = pinTrainedLora(lock.raw, profile.id, trigger, outcome.training, v.version);
    if (!pinned.success) throw new InputError(pinned.issues.map((i) => i.message).join('; '));
    const written = await writeLockFile(resolve(io.cwd, v.out), pinned.document);
    if (!written.success) {
      for (const i of written.issues) io.err(`  ${formatLockIssue(i)}\n`);
      throw new InputError(`${v.out}: the lock with the trained LoRA is invalid; nothing written (the training record is in ${statePath})`);
    }
    for (const c of diffLocks(lock.lock, written.lock)) io.out(`  ~ ${c.description}\n`);
    const t = outcome.training;
    io.out(`trained ${t.jobId}${outcome.resumed ? ' (resumed)' : ''}: weights ${t.weightsUrl} (sha256 ${t.weightsSha256!.slice(0, 12)}), ${t.trainingSet.images.length} images (zip ${t.trainingSet.zipSha256.slice(0, 12)}), cost ${t.cost.usd === null ? 'unknown' : `$${t.cost.usd}`} (${t.cost.basis})\n`);
    io.out(`wrote ${written.path} (${written.lock.version}); categories casting ${profile.id} need a pilot and an approval: brandlock recipe status --lock ${v.out}\n`);
    return EXIT.ok;
  },
};
