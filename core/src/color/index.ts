export * from './lab';
export * from './delta-e-2000';
export * from './parse-color';
export * from './balance';
export * from './lut';
export * from './icc';
export * from './resolve-color';
export * from './nearest-swatch';
