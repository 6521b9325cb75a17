/**
 * Technical checks on the file itself, against its delivery target (a channel, or a master for the
 * variants step): resolution, aspect ratio, bit depth, colour space and ICC profile (delivery is
 * 8-bit sRGB), format and file size.
 */
import type { Finding } from '../finding';
import type { QcContext } from '../qc-context';
import { roundMeasure } from '../finding';

const SRGB = /srgb|iec\s*61966-2[.-]1/i;

/**
 * @example checkTechnical(ctx).filter((f) => f.severity !== 'pass') // [] for a good JPEG
 */
export function checkTechnical(ctx: QcContext): Finding[] {
  const { file, delivery } = ctx;
  const target = delivery.kind === 'channel' ? `channel "${delivery.id}"` : 'a master';
  const out: Finding[] = [];
  const small = file.width < delivery.minWidth || file.height < delivery.minHeight;
  out.push({
    rule: 'technical',
    check: 'resolution',
    severity: small ? 'reject' : 'pass',
    message: small
      ? `${file.width}x${file.height} px is below the ${delivery.minWidth}x${delivery.minHeight} px ${target} needs; upscaling would invent detail`
      : `${file.width}x${file.height} px meets the ${delivery.minWidth}x${delivery.minHeight} px minimum`,
    measured: `${file.width}x${file.height}`,
    unit: 'px',
    limits: null,
    expected: `at least ${delivery.minWidth}x${delivery.minHeight}`,
  });
  if (delivery.aspect !== null) {
    const aspect = file.width / file.height;
    const error = Math.abs(aspect / delivery.aspect - 1);
    const off = error > delivery.aspectTolerance;
    out.push({
      rule: 'technical',
      check: 'aspect',
      severity: off ? (delivery.kind === 'channel' ? 'reject' : 'flag') : 'pass',
      message: off
        ? `aspect ${ratio(aspect)} differs from ${ratio(delivery.aspect)} by ${(error * 100).toFixed(1)}%${delivery.kind === 'master' ? '; crops for the channels will cut differently' : ''}`
        : `aspect ${ratio(aspect)} matches ${ratio(delivery.aspect)}`,
      measured: roundMeasure(aspect, 4),
      unit: 'w/h',
      limits: null,
      expected: `${ratio(delivery.aspect)} within ${(delivery.aspectTolerance * 100).toFixed(1)}%`,
    });
  }
  const deep = file.bitsPerSample > 8;
  out.push({
    rule: 'technical',
    check: 'bit-depth',
    severity: deep ? 'reject' : 'pass',
    message: deep ? `${file.bitsPerSample} bits per sample; delivery files are 8-bit: export 8-bit sRGB` : '8 bits per sample',
    measured: file.bitsPerSample,
    unit: 'bit',
    limits: { direction: 'max', reject: 8 },
  });
  out.push(profileFinding(ctx));
  const formatOk = delivery.formats.includes(file.format);
  out.push({
    rule: 'technical',
    check: 'format',
    severity: formatOk ? 'pass' : 'reject',
    message: formatOk ? `${file.format.toUpperCase()} is accepted for ${target}` : `${file.format.toUpperCase()} is not accepted for ${target} (expected ${delivery.formats.join(' or ')})`,
    measured: file.format,
    unit: '',
    limits: null,
    expected: delivery.formats.join(' | '),
  });
  if (delivery.maxBytes !== null) {
    const big = file.bytes > delivery.maxBytes;
    out.push({
      rule: 'technical',
      check: 'file-size',
      severity: big ? 'reject' : 'pass',
      message: `${megabytes(file.bytes)} ${big ? 'exceeds' : 'is within'} the ${megabytes(delivery.maxBytes)} limit of ${target}`,
      measured: file.bytes,
      unit: 'bytes',
      limits: { direction: 'max', reject: delivery.maxBytes },
    });
  }
  return out;
}

function profileFinding(ctx: QcContext): Finding {
  const { file, delivery } = ctx;
  const base = { rule: 'technical' as const, check: 'color-profile', unit: '', limits: null, expected: 'sRGB (IEC 61966-2.1)' };
  if (file.space === 'cmyk') {
    return { ...base, severity: 'reject', message: `CMYK file${file.iccDescription ? ` (${file.iccDescription})` : ''}: web and marketplace delivery must be sRGB; convert with the brand's profile, then re-check`, measured: `CMYK${file.iccDescription ? `: ${file.iccDescription}` : ''}` };
  }
  if (/^(b-w|grey16)$/.test(file.space)) {
    return { ...base, severity: 'reject', message: 'greyscale file: delivery must be sRGB colour', measured: file.space };
  }
  if (file.iccDescription === null) {
    const severity = delivery.requireProfile ? 'flag' : 'pass';
    return { ...base, severity, message: delivery.requireProfile ? 'no embedded ICC profile: browsers assume sRGB, but the channel expects it embedded' : 'no embedded ICC profile; read as sRGB', measured: 'untagged' };
  }
  const ok = SRGB.test(file.iccDescription);
  return {
    ...base,
    severity: ok ? 'pass' : 'reject',
    message: ok ? `embedded profile ${file.iccDescription}` : `embedded profile "${file.iccDescription}" is not sRGB: colours shift on the web; convert to sRGB`,
    measured: file.iccDescription,
  };
}

function ratio(r: number): string {
  return `${r.toFixed(3)}:1`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}
