export * from './review-decision';
export * from './qc-outcome';
export * from './production-record';
export * from './review-status';
export * from './build-production-record';
export * from './production-metrics';
