export * from './colour-temperature';
export * from './measure-lighting';
export * from './calibrate-preset';
