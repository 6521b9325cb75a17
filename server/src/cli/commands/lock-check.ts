/** `brandlock lock check <file>`: validates a lock and prints a summary with its hash. */
import { formatLockIssue } from '@brandlock/core';
import { EXIT, type CliCommand } from '../command';
import { readLockFile } from '../../io/read-lock-file';
import { verifyPinnedSwatches } from '../../pipeline/qc/verify-pinned-swatches';

export const lockCheck: CliCommand = {
  path: ['lock', 'check'],
  summary: 'Validate a Brand Lock and print its summary and content hash',
  usage: '<lock.json>',
  description: 'Reports every problem at once, each with its JSON path, what was found and what was expected.',
  options: { json: { type: 'boolean', description: 'Print the result as JSON' } },
  positionals: { min: 1, max: 1 },
  async run({ positionals, values }, io) {
    const read = await readLockFile(positionals[0]);
    const pins = read.success ? await verifyPinnedSwatches(read.lock, read.dir) : null;
    const res = read.success && pins?.errors.length ? { success: false as const, path: read.path, issues: pins.errors } : read;
    if (!res.success) {
      if (values.json) io.out(JSON.stringify({ ok: false, file: res.path, issues: res.issues }, null, 2) + '\n');
      else {
        io.err(`${res.path}: ${res.issues.length} problem${res.issues.length === 1 ? '' : 's'}\n`);
        for (const issue of res.issues) io.err(`  ${formatLockIssue(issue)}\n`);
      }
      return EXIT.invalid;
    }
    const { lock, hash } = res;
    if (values.json) {
      io.out(JSON.stringify({ ok: true, file: res.path, brand: lock.brand, version: lock.version, hash, warnings: [...res.missingFiles, ...(pins?.warnings ?? [])], pinnedSwatches: pins?.verified ?? [] }, null, 2) + '\n');
      return EXIT.ok;
    }
    const count = (n: number, what: string, plural = `${what}s`) => `${n} ${n === 1 ? what : plural}`;
    io.out(
      [
        `${res.path}: ok`,
        `  brand     ${lock.brand.name} (${lock.brand.id}), version ${lock.version}${lock.season ? `, season ${lock.season}` : ''}`,
        `  hash      ${hash}`,
        `  contents  ${count(lock.models.length, 'model profile')}, ${count(lock.lighting.length, 'lighting preset')}, ${count(lock.luts.length, 'LUT')}, ${count(lock.palette.swatches.length, 'swatch', 'swatches')}, ${count(lock.poseSets.length, 'pose set')}`,
        `  categories ${lock.categories.map((c) => c.id).join(', ')}`,
        `  channels  ${lock.channels.map((c) => `${c.id} ${c.width}x${c.height} ${c.format}`).join(', ')}`,
        `  naming    ${lock.naming.template}`,
        ...(lock.videoChannels.length ? [`  video     ${lock.videoChannels.map((c) => `${c.id} ${c.width}x${c.height} ${c.minSeconds}-${c.maxSeconds} s`).join(', ')}`] : []),
        `  loops     ${lock.categories.filter((c) => c.video).map((c) => `${c.id} ${c.video!.durationSeconds} s${c.video!.loop ? ' loop' : ''} ${c.video!.camera.path}`).join(', ') || 'none (no category has a motion brief)'}`,
        ...lock.luts.map((l) => `  lut       ${l.id}: ${l.file} sha256 ${l.sha256 ?? '(not read)'}`),
        ...(pins?.verified.length ? [`  pinned    ${pins.verified.join(', ')}: measured again from their photos, same colour`] : []),
        ...[...res.missingFiles, ...(pins?.warnings ?? [])].map((w) => `  warning   ${formatLockIssue(w)}`),
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  },
};
