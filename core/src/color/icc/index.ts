export * from './icc-tag-types';
export * from './cube-to-icc-device-link';
export * from './parse-icc-profile';
export * from './read-lut16';
