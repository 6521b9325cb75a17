/**
 * Encodes a frame a designer exported from Figma (lossless PNG at the channel's exact size) into the
 * channel's delivery file with the same encoder `brandlock variants` uses: the format Figma cannot
 * write (WebP, AVIF, TIFF), the lock's quality lowered only as far as maxBytes needs, LZW for TIFF,
 * the sRGB ICC profile and density. The pixels stay the designer's (copy and crop as set in Figma).
 * The file carries the provenance `brandlock variants` writes (XMP with the IPTC DigitalSourceType,
 * IPTC IIM in JPEG): marketplaces such as Google Merchant Center require the AI label on generated
 * product images, and a frame made from a brandlock master is one. The plugin says what it knows:
 * the SKU, the master's job (its provider, model, seed and recipe hash are read from the job), and the
 * source type (trainedAlgorithmicMedia by default, as for variants; composite… when copy is set on it).
 */
import { Hono } from 'hono';
import sharp from 'sharp';
import { requireAction } from '../middleware/auth';
import { ApiError } from '../middleware/api-error';
import { findLock } from '../store/locks';
import { encodeVariant } from '../pipeline/variants/encode-variant';
import { VariantError } from '../pipeline/variants/variant-error';
import { readBodyBytes } from './read-json';
import { getJobRow } from '../store/jobs';
import { buildXmpPacket, DigitalSourceType, type BrandLock, type ChannelSpec, type IptcFields, type VariantProvenance } from '@brandlock/core';
import type { AppEnv, RouteDeps } from './route-deps';

const TYPES = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', tiff: 'image/tiff' } as const;

export function encodeRoutes(deps: RouteDeps) {
  const app = new Hono<AppEnv>();
  app.post('/v1/encode', requireAction('jobs:create'), async (c) => {
    const stored = await findLock(deps.db, c.req.query('lock') ?? 'current');
    if (!stored) throw new ApiError(404, 'not_found', `no lock version "${c.req.query('lock') ?? 'current'}"`);
    const channelId = c.req.query('channel') ?? '';
    const spec = stored.lock.channels.find((ch) => ch.id === channelId);
    if (!spec) throw new ApiError(422, 'invalid_request', `the lock has no channel "${channelId.slice(0, 100)}"`, [{ code: 'invalid_value', path: 'channel', message: 'not a channel of the lock', found: channelId.slice(0, 100), expected: stored.lock.channels.map((ch) => ch.id).join(', ') }]);
    const bytes = await readBodyBytes(c, deps.config.maxUploadBytes);
    if (!(bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)) throw new ApiError(415, 'unsupported_media_type', 'send the frame as PNG (what Figma exports losslessly)');
    let px;
    try {
      const { data, info } = await sharp(bytes, { limitInputPixels: deps.config.maxUploadPixels, failOn: 'truncated' }).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
      px = { data, width: info.width, height: info.height, channels: info.channels as 3 | 4 };
    } catch (e) {
      throw new ApiError(422, 'invalid_image', `the PNG cannot be decoded: ${(e as Error).message}`);
    }
    if (px.width !== spec.width || px.height !== spec.height) {
      throw new ApiError(422, 'invalid_request', `channel ${spec.id} is ${spec.width}x${spec.height}; the frame is ${px.width}x${px.height}`, [{ code: 'invalid_value', path: 'body', message: 'wrong size', found: `${px.width}x${px.height}`, expected: `${spec.width}x${spec.height}` }]);
    }
    const { xmp, iptc, sourceType } = await provenanceFor(stored.lock, stored.summary.hash, spec, { sku: c.req.query('sku'), job: c.req.query('job'), sourceType: c.req.query('sourceType') });
    if (spec.format === 'jpeg' && px.channels === 4) px = { ...px, data: await sharp(px.data, { raw: { width: px.width, height: px.height, channels: 4 } }).flatten({ background: '#ffffff' }).raw().toBuffer(), channels: 3 as const };
    try {
      const encoded = await encodeVariant(px, spec, xmp, iptc);
      return c.body(new Uint8Array(encoded.bytes), 200, {
        'Content-Type': TYPES[spec.format],
        'X-Brandlock-Quality': encoded.quality === null ? '' : String(encoded.quality),
        'X-Brandlock-Format': spec.format,
        'X-Brandlock-Digital-Source-Type': sourceType,
      });
    } catch (e) {
      if (e instanceof VariantError) throw new ApiError(422, 'max_bytes', `${spec.id}: ${e.message}`);
      throw e;
    }
  });
  /** XMP and IPTC as the variant planner writes them (core/src/channels/plan-variants.ts), from what the plugin knows. */
  async function provenanceFor(lock: BrandLock, lockHash: string, channel: ChannelSpec, q: { sku?: string; job?: string; sourceType?: string }) {
    const type = DigitalSourceType.safeParse(q.sourceType ?? 'trainedAlgorithmicMedia');
    if (!type.success) {
      throw new ApiError(422, 'invalid_request', `sourceType "${String(q.sourceType).slice(0, 60)}" is not an IPTC digital source type brandlock writes`, [{ code: 'invalid_value', path: 'sourceType', message: 'unknown source type', found: String(q.sourceType).slice(0, 60), expected: DigitalSourceType.options.join(', ') }]);
    }
    const jobId = q.job?.slice(0, 200) || undefined;
    const job = jobId ? await getJobRow(deps.db, jobId).catch(() => null) : null;
    const sku = q.sku?.slice(0, 100) || job?.sku || 'Figma frame';
    const provenance: VariantProvenance = {
      digitalSourceType: type.data,
      jobId,
      ...(job ? { provider: job.provider, model: job.submit_details?.model ?? job.recipe.baseModel, recipeHash: job.recipe_hash, ...(job.submit_details?.seed != null ? { seed: job.submit_details.seed } : {}) } : {}),
    };
    const what = [sku, job?.colorway, job?.view].filter(Boolean).join(' ');
    const title = `${lock.brand.name} ${what}`;
    const description = `${what}, ${channel.name}, ${channel.width}x${channel.height}, composed in Figma`;
    const xmp = channel.metadata.includes('xmp')
      ? buildXmpPacket({ title, description, brand: lock.brand, lockHash, lockVersion: lock.version, sku, colorway: job?.colorway ?? undefined, view: job?.view ?? undefined, channel: channel.id, provenance })
      : null;
    const iptc: IptcFields | null =
      channel.metadata.includes('iptc') && channel.format === 'jpeg' ? { title, description, credit: lock.brand.name, keywords: [sku, job?.colorway, job?.view, channel.id].filter((k): k is string => Boolean(k)), jobId } : null;
    return { xmp, iptc, sourceType: type.data };
  }

  return app;
}
