// The JPEG quality estimate QC's compression rule reads, against the encoder's own setting and
// ImageMagick's estimate (identify %Q) on the sample photos.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { estimateJpegQuality, ijgLuminanceTable, jpegLuminanceTable } from '@brandlock/core';

const photos = new URL('../../../../samples/photos/', import.meta.url).pathname;

describe('estimateJpegQuality', () => {
  it('gives back the quality sharp (libjpeg-turbo, IJG tables) saved at', async () => {
    const source = sharp(join(photos, 'packshot/solidus-hoodie-red-cutout.png')).flatten({ background: '#ffffff' });
    for (const quality of [20, 45, 75, 92, 100]) {
      const bytes = await source.clone().jpeg({ quality }).toBuffer();
      expect(estimateJpegQuality(new Uint8Array(bytes))).toBe(quality);
    }
    expect(estimateJpegQuality(new Uint8Array(await source.clone().png().toBuffer()))).toBeNull();
  });

  it('agrees with ImageMagick on every sample JPEG saved with IJG tables; the others land on the nearest IJG quality', () => {
    const files = readdirSync(photos, { recursive: true }).map(String).filter((f) => f.endsWith('.jpg'));
    let ijg = 0;
    for (const f of files) {
      const bytes = new Uint8Array(readFileSync(join(photos, f)));
      const ours = estimateJpegQuality(bytes)!;
      const im = spawnSync('identify', ['-format', '%Q', join(photos, f)], { encoding: 'utf8' });
      expect(im.status).toBe(0);
      if (jpegLuminanceTable(bytes)!.join() === ijgLuminanceTable(ours).join()) {
        ijg++;
        expect(ours, f).toBe(Number(im.stdout));
      } else {
        // Photoshop-style tables (fine everywhere, not scaled from the IJG one): "quality" is only an equivalent.
        expect(ours, f).toBeGreaterThanOrEqual(50);
      }
    }
    expect(ijg).toBeGreaterThanOrEqual(9);
  });
});
