export * from './load-master';
export * from './find-subject';
export * from './render-variant-pixels';
export * from './encode-variant';
export * from './publish-file';
export * from './render-variants';
export * from './variant-error';
export * from './make-variants';
