export * from './garment-words';
export * from './estimate-kind';
export * from './estimate-category';
export * from './find-sku';
export * from './describe-library-image';
export * from './library-coverage';
