export type { Lut16Data } from './private/icc-tag-types';
export * from './cube-to-icc-device-link';
export * from './parse-icc-profile';
export * from './read-lut16';
