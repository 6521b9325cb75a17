/**
 * Setting up a lock from what a brand has, over HTTP: read a swatch file into swatches (a new palette
 * is then published as a lock version), measure a swatch from approved library photos, and calibrate a
 * lighting preset from approved library photos. The measures are core's, on photos decoded as QC
 * decodes them, taken on the measure thread (measure-pool.ts); nothing here changes a lock.
 */
import { Hono } from 'hono';
import { calibratePreset, combineLabs, labNotation, nearestSwatch, readSwatchFile, type LightingMeasurement } from '@brandlock/core';
import { LightingCalibrateRequest, SwatchMeasureRequest } from '@brandlock/core/api';
import { requireAction } from '../middleware/auth';
import { ApiError, parseOr400 } from '../middleware/api-error';
import { findLock } from '../store/locks';
import { getLibraryAsset } from '../store/library';
import { measureOffThread } from '../lock-setup/measure-pool';
import { readBodyBytes, readJson } from './read-json';
import type { AppEnv, RouteDeps } from './route-deps';

const MAX_SWATCH_FILE = 5 * 1024 * 1024;

export function lockSetupRoutes(deps: RouteDeps) {
  const app = new Hono<AppEnv>();
  // Each reference is measured on the measure thread (measure-pool.ts), one after another.
  const measured = async <T>(ref: string, measure: (path: string, bytes: Uint8Array) => Promise<T | null>): Promise<{ id: string; value: T | null; error?: string }> => {
    const id = ref.replace(/^library:/, '');
    const asset = await getLibraryAsset(deps.db, id);
    const bytes = asset ? await deps.blobs.get(id) : null;
    if (!asset || !bytes) return { id, value: null, error: 'not in the library' };
    try {
      return { id, value: await measure(asset.path, bytes) };
    } catch (e) {
      return { id, value: null, error: (e as Error).message };
    }
  };
  const maxPixels = deps.config.maxUploadPixels;
  app.post('/v1/palette/import', requireAction('uploads:write'), async (c) => {
    const bytes = await readBodyBytes(c, MAX_SWATCH_FILE);
    const name = (c.req.query('name') ?? 'upload').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200);
    const res = readSwatchFile(bytes, name);
    return c.json({ format: res.format, swatches: res.swatches.map(({ file: _file, ...s }) => s), issues: res.issues });
  });
  app.post('/v1/palette/measure', requireAction('assets:read'), async (c) => {
    const body = parseOr400(SwatchMeasureRequest, await readJson(c, 64 * 1024), 'swatch measure');
    const refs = await Promise.all(body.references.map((ref) => measured(ref, (path, bytes) => measureOffThread({ kind: 'swatch', path, bytes, maxPixels }))));
    const labs = refs.map((r) => r.value);
    const good = labs.filter((l): l is NonNullable<typeof l> => l !== null);
    if (!good.length) throw new ApiError(422, 'invalid_request', 'no reference could be measured', refs.map((r, i) => ({ path: `references[${i}]`, code: 'unmeasurable', message: r.error ?? 'no garment found' })));
    const combined = combineLabs(good);
    const lock = await findLock(deps.db, 'current');
    const near = lock ? nearestSwatch(combined.lab, lock.lock.palette) : null;
    let k = 0;
    return c.json({
      lab: combined.lab,
      color: labNotation(combined.lab, 2),
      spread: combined.spread,
      references: refs.map((r, i) => ({ id: r.id, lab: labs[i], deltaE: labs[i] ? combined.deltaE[k++] : null, ...(r.error || !labs[i] ? { error: r.error ?? 'no garment found' } : {}) })),
      nearest: near ? { id: near.swatch.id, name: near.swatch.name, deltaE: near.deltaE } : null,
    });
  });
  app.post('/v1/lighting/:preset/calibrate', requireAction('assets:read'), async (c) => {
    const body = parseOr400(LightingCalibrateRequest, await readJson(c, 64 * 1024), 'lighting calibration');
    const lock = await findLock(deps.db, 'current');
    if (!lock) throw new ApiError(404, 'not_found', 'no lock is published yet');
    const current = lock.lock.lighting.find((l) => l.id === c.req.param('preset'));
    if (!current) throw new ApiError(404, 'not_found', `lock ${lock.summary.version} has no lighting preset "${c.req.param('preset')}"`);
    const refs = await Promise.all(body.references.map((ref) => measured(ref, (path, bytes) => measureOffThread({ kind: 'lighting', path, bytes, maxPixels }))));
    const ms = refs.map((r) => r.value);
    const good = ms.filter((m): m is LightingMeasurement => m !== null);
    if (good.length < 2) throw new ApiError(422, 'invalid_request', `only ${good.length} of ${refs.length} references could be measured; need at least 2`);
    const cal = calibratePreset(current, good);
    return c.json({ preset: cal.preset, spread: cal.spread, warnings: cal.warnings, references: refs.map((r, i) => ({ id: r.id, ...(ms[i] ?? {}), ...(r.error || !ms[i] ? { error: r.error ?? 'no subject found' } : {}) })) });
  });
  return app;
}
