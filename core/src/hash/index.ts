export * from './canonical-json';
export * from './sha256';
