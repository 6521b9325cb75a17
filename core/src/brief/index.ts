export * from './planned-job';
