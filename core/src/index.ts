/**
 * @brandlock/core: the pure heart of brandlock. No I/O and no Node built-ins, so the same code runs
 * in the server, the CLI, Photoshop (UXP) and Figma.
 */
export * from './brand';
export * from './color';
export * from './raster';
export * from './hash';
export * from './channels';
export * from './brief';
export * from './post';
export * from './audit';
export * from './qc';
export * from './video';
export * from './palette-import';
export * from './approval';
export * from './library';
export * from './calibration';
