export * from './channel-spec';
export * from './catalog';
