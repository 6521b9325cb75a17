export * from './raster';
export * from './raster-region';
