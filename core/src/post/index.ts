export * from './post-step';
export * from './post-process-raster';
