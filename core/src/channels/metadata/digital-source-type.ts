/**
 * IPTC Digital Source Type terms (cv.iptc.org/newscodes/digitalsourcetype): how an image came to
 * exist. Google Merchant Center requires trainedAlgorithmicMedia on AI-generated product images.
 */
import { z } from 'zod';

export const DIGITAL_SOURCE_TYPES = {
  trainedAlgorithmicMedia: 'made by a generative AI model',
  compositeWithTrainedAlgorithmicMedia: 'a composite that includes AI-generated parts (a real garment on an AI model)',
  digitalCapture: 'a camera photograph, retouched but not generated',
} as const;

export const DigitalSourceType = z.enum(['trainedAlgorithmicMedia', 'compositeWithTrainedAlgorithmicMedia', 'digitalCapture']);
export type DigitalSourceType = z.infer<typeof DigitalSourceType>;

/** @example digitalSourceTypeUri('trainedAlgorithmicMedia') // 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia' */
export function digitalSourceTypeUri(type: DigitalSourceType): string {
  return `http://cv.iptc.org/newscodes/digitalsourcetype/${type}`;
}
