/** ICC profiles, EXIF and XMP spliced into encoded JPEG, PNG and WebP files, and the sRGB profile to splice. */
export * from './embedded-metadata';
export * from './embed-jpeg-metadata';
export * from './embed-png-metadata';
export * from './embed-webp-metadata';
export * from './srgb-profile';
export * from './has-icc-profile';
