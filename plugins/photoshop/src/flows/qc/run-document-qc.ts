/**
 * Core QC on the active document's pixels: the analysis proxy read from Photoshop's pyramid at core's
 * proxy size (colour, exposure, white balance, background), the full resolution for sharpness,
 * clipping and halo (capped at 24 MP; a larger document is read at an integer fraction and the report
 * says so). The document is judged as a master for its category; container checks (format, bit
 * depth) belong to exported files and are left to the Export tab. The verdict goes into the
 * document's XMP as one History step.
 */
import type { BrandLock, Category } from '@brandlock/core/brand';
import type { TargetSwatch } from '@brandlock/core/brief';
import { contentHash } from '@brandlock/core/hash';
import { buildQcContext, DEFAULT_PROXY_PIXELS, prepareQcImage, runQcRules, type Finding, type QcImageResult, type Verdict } from '@brandlock/core/qc';
import { downsampleRaster, proxyFactor, type Raster } from '@brandlock/core/raster';
import type { DocumentInfo, PsHost } from '../../ports/ps-host';
import { requireDocument, requireEditableRgb } from '../../errors/document-checks';
import { checkResults } from '../../descriptors/check-results';
import { getXmp, setXmp } from '../../descriptors/xmp';
import { writeBrandlockXmp } from '../../xmp/brandlock-xmp';
import { inHistoryStep } from '../history-step';

export const QC_MAX_FULL_PIXELS = 24_000_000;
const CONTAINER_CHECKS = new Set(['format', 'bit-depth', 'file-size']);

export interface DocumentQcInput {
  category: Category;
  swatch: TargetSwatch | null;
  /** Who ran it, for the XMP record. */
  by: string;
  lockHash: string;
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
}

function fitInside(width: number, height: number, maxPixels: number): { width: number; height: number; factor: number } {
  const factor = Math.max(1, Math.ceil(Math.sqrt((width * height) / maxPixels)));
  return { width: Math.ceil(width / factor), height: Math.ceil(height / factor), factor };
}

export async function runDocumentQc(ps: PsHost, lock: BrandLock, input: DocumentQcInput): Promise<DocumentQcResult> {
  const doc = requireEditableRgb(requireDocument(await ps.activeDocument(), 'run QC on'), 'run QC on');
  return ps.executeAsModal('Run QC', async (ctx) => {
    const fullSize = fitInside(doc.width, doc.height, QC_MAX_FULL_PIXELS);
    const full = await ps.getPixels({ documentId: doc.id, depth: 8, targetSize: fullSize.factor > 1 ? fullSize : undefined });
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
    const findings = result.findings.filter((f) => !(f.rule === 'technical' && CONTAINER_CHECKS.has(f.check)));
    const fullScale = doc.width / full.raster.width;
    const scaled = findings.map((f) => (f.box && fullScale !== 1 ? { ...f, box: scaleBox(f.box, fullScale) } : f));
    const verdict = result.verdict;
    await inHistoryStep(ctx, doc.id, `brandlock: QC ${verdict}`, async () => {
      const [current] = checkResults(await ps.batchPlay([getXmp({ documentId: doc.id })]), 'read the document metadata');
      const record = {
        qcVerdict: verdict,
        qcCategory: input.category.id,
        qcLockHash: input.lockHash,
        qcAt: new Date().toISOString(),
        qcBy: input.by,
        qcFindings: JSON.stringify(scaled.filter((f) => f.severity === 'flag' || f.severity === 'reject').map(({ rule, check, severity, measured, unit, limits }) => ({ rule, check, severity, measured, unit, limits }))),
      };
      const packet = writeBrandlockXmp(current.XMPMetadataAsUTF8 as string | undefined, { ...record, qcRecordHash: contentHash(record) });
      checkResults(await ps.batchPlay([setXmp({ documentId: doc.id }, packet)]), 'write the QC verdict into the document metadata');
    });
    return { document: doc, verdict, findings: scaled, metrics: result.metrics, proxy: proxy.raster, proxyFactor: doc.width / proxy.raster.width, fullScale };
  });
}

function scaleBox(b: NonNullable<Finding['box']>, s: number): NonNullable<Finding['box']> {
  return { x: Math.round(b.x * s), y: Math.round(b.y * s), width: Math.round(b.width * s), height: Math.round(b.height * s) };
}
