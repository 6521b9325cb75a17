/** The file extension each delivery format is written with. */
import type { ImageFormat } from '../channel-spec';

export const FILE_EXTENSIONS: Readonly<Record<ImageFormat, string>> = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif', tiff: 'tif' };
