/**
 * Core QC on a document's pixels: the analysis proxy read from Photoshop's pyramid at core's proxy
 * size (colour, exposure, white balance, background), the full resolution for sharpness, clipping and
 * halo (capped at 24 MP; a larger document is read at an integer fraction and the report says so).
 * The document is judged as a master for its category, always against its SKU's swatch; container
 * checks (format, bit depth) belong to exported files and are left to the Export tab. The verdict,
 * with the SKU it was judged as, goes into the document's XMP as one History step; if Photoshop
 * refuses that write, the verdict is still shown, with what went wrong.
 */
import type { BrandLock, Category } from '@brandlock/core/brand';
import { contentHash } from '@brandlock/core/hash';
import type { Lab } from '@brandlock/core/color';
import {
  buildQcContext, DEFAULT_PROXY_PIXELS, measureSwatch, prepareQcImage, runQcRules, type Finding, type QcImageResult, type Verdict,
} from '@brandlock/core/qc';
import { downsampleRaster, pixelFingerprint, proxyFactor, type Raster } from '@brandlock/core/raster';
import type { DocumentInfo, ModalContext, PsHost } from '../../ports/ps-host';
import { requireDocument, requireEditableRgb } from '../../errors/document-checks';
import { checkResults } from '../../descriptors/check-results';
import { getXmp, setXmp, xmpFromResult } from '../../descriptors/xmp';
import { writeBrandlockXmp, type XmpProperties } from '../../xmp/brandlock-xmp';
import { checkCancel, inHistoryStep } from '../history-step';
import { isCancelled } from '../../errors/panel-error';
import { toPanelError } from '../../errors/host-error';
import type { QcTarget } from './qc-target';
import { readQcPixels } from './qc-pixels';
const CONTAINER_CHECKS = new Set(['format', 'bit-depth', 'file-size']);

export interface DocumentQcInput extends QcTarget {
  /** Who ran it, for the XMP record. */
  by: string;
  lockHash: string;
  /** The document to judge; the active one when absent. */
  documentId?: number;
  /** Write the verdict into the document's XMP (not for files a folder batch opened read-only). */
  record?: boolean;
  signal?: AbortSignal;
}

export interface DocumentQcResult {
  document: DocumentInfo;
  verdict: Verdict;
  findings: Finding[];
  metrics: QcImageResult['metrics'];
  /** The analysis proxy (8-bit), for the panel's thumbnail with flagged regions. */
  proxy: Raster;
  /** Document pixels per proxy pixel. */
  proxyFactor: number;
  /** Document pixels per pixel the full-resolution rules saw (1 unless the document is over 24 MP). */
  fullScale: number;
  category: Category;
  swatch: QcTarget['swatch'];
  /** The garment colour QC measured (for the swatch-vs-measured chips); null when no garment was found. */
  garment: Lab | null;
  /** Whether the verdict is in the document's XMP; `recordError` says why not when it was refused. */
  recorded: boolean;
  recordError: string | null;
  /** The brandlock XMP properties of this verdict (written into the document unless `record` was false). */
  xmpRecord: XmpProperties;
}

export async function runDocumentQc(ps: PsHost, lock: BrandLock, input: DocumentQcInput): Promise<DocumentQcResult> {
  const found = input.documentId === undefined ? await ps.activeDocument() : ((await ps.documents()).find((d) => d.id === input.documentId) ?? null);
  const doc = requireEditableRgb(requireDocument(found, 'run QC on'), 'run QC on');
  return ps.executeAsModal(`Run QC on ${doc.title}`, (ctx) => judgeDocument(ps, lock, doc, input, ctx));
}

/** QC inside a modal scope the caller holds (a batch holds one for every document). */
export async function judgeDocument(ps: PsHost, lock: BrandLock, doc: DocumentInfo, input: DocumentQcInput, ctx: ModalContext): Promise<DocumentQcResult> {
  requireEditableRgb(doc, 'run QC on');
  checkCancel(ctx, input.signal, 'QC');
  const full = await readQcPixels(ps, doc);
  checkCancel(ctx, input.signal, 'QC');
  // Core wants the proxy at an integer factor of the full raster; Photoshop's pyramid gives it when
  // asked for exactly that size, and core's area average stands in when it answers another size.
  const k = proxyFactor(full.raster.width, full.raster.height, DEFAULT_PROXY_PIXELS);
  const want = { width: Math.ceil(full.raster.width / k), height: Math.ceil(full.raster.height / k) };
  const read = k > 1 ? (await ps.getPixels({ documentId: doc.id, depth: 8, targetSize: want })).raster : full.raster;
  const proxy = read.width === want.width && read.height === want.height ? { raster: read, factor: k } : downsampleRaster(full.raster, DEFAULT_PROXY_PIXELS);
  const image = prepareQcImage(full.raster, { proxy, matte: [255, 255, 255] });
  const qcContext = buildQcContext(lock, {
    category: input.category,
    channel: null,
    swatch: input.swatch,
    file: {
      format: 'tiff', width: doc.width, height: doc.height, space: doc.bitsPerChannel === 16 ? 'rgb16' : 'srgb', bitsPerSample: doc.bitsPerChannel,
      hasAlpha: false, iccDescription: doc.profile || null, bytes: 0,
    },
  });
  const result = runQcRules(image, qcContext);
  const garment = measureSwatch(image)?.lab ?? null;
  checkCancel(ctx, input.signal, 'QC');
  const findings = result.findings.filter((f) => !(f.rule === 'technical' && CONTAINER_CHECKS.has(f.check)));
  const fullScale = doc.width / full.raster.width;
  const scaled = findings.map((f) => (f.box && fullScale !== 1 ? { ...f, box: scaleBox(f.box, fullScale) } : f));
  const verdict = result.verdict;
  // The verdict holds for these pixels only: Export reads them again and compares (qc-pixels.ts).
  const record = qcXmpRecord(input, verdict, scaled, pixelFingerprint(full.raster));
  let recorded = false;
  let recordError: string | null = null;
  if (input.record !== false) {
    try {
      await inHistoryStep(ctx, doc.id, `brandlock: QC ${verdict}`, async () => {
        const [current] = await ps.batchPlay([getXmp({ documentId: doc.id })]);
        const packet = writeBrandlockXmp(xmpFromResult(current, { documentId: doc.id }), record);
        checkResults(await ps.batchPlay([setXmp({ documentId: doc.id }, packet)]), 'write the QC verdict into the document metadata');
      });
      recorded = true;
    } catch (e) {
      const err = toPanelError(e, 'write the QC verdict into the document metadata');
      if (isCancelled(err) || err.code === 'modal-busy') throw err;
      recordError = err.message;
    }
  }
  return {
    document: doc, verdict, findings: scaled, metrics: result.metrics, proxy: proxy.raster, proxyFactor: doc.width / proxy.raster.width, fullScale,
    category: input.category, swatch: input.swatch, garment, recorded, recordError, xmpRecord: record,
  };
}

/**
 * The brandlock XMP properties of a verdict: what the document gets, and a folder batch's sidecar.
 * qcDeltaE00 is the garment's CIEDE2000 from its swatch as QC measured it; qcLockHash fixes the
 * thresholds and rules it was judged by; qcPixels fingerprints the pixels it judged (Export compares);
 * qcRecordHash lets a reader tell an edited record.
 */
export function qcXmpRecord(input: DocumentQcInput, verdict: Verdict, findings: readonly Finding[], pixels?: string): XmpProperties {
  const deltaE = findings.find((f) => f.rule === 'color' && f.check === 'delta-e' && typeof f.measured === 'number');
  const record: XmpProperties = {
    qcVerdict: verdict,
    qcCategory: input.category.id,
    qcSwatch: input.swatch.swatchId ?? input.swatch.input,
    qcLockHash: input.lockHash,
    qcAt: new Date().toISOString(),
    qcBy: input.by,
    qcFindings: JSON.stringify(findings.filter((f) => f.severity === 'flag' || f.severity === 'reject').map(({ rule, check, severity, measured, unit, limits }) => ({ rule, check, severity, measured, unit, limits }))),
    category: input.category.id,
  };
  if (deltaE) record.qcDeltaE00 = String(deltaE.measured);
  if (pixels) record.qcPixels = pixels;
  // The SKU it was judged as stays with the document, so the next QC, Cleanup or Export knows it.
  for (const [key, value] of [['sku', input.sku], ['colorway', input.colorway], ['view', input.view]] as const) if (value) record[key] = value;
  return { ...record, qcRecordHash: contentHash(record) };
}

function scaleBox(b: NonNullable<Finding['box']>, s: number): NonNullable<Finding['box']> {
  return { x: Math.round(b.x * s), y: Math.round(b.y * s), width: Math.round(b.width * s), height: Math.round(b.height * s) };
}
