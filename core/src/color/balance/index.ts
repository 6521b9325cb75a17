export * from './cast-direction';
export * from './pixel-limits';
export * from './measure-cast';
export * from './measure-exposure';
export * from './balance-correction';
export * from './correction-curves';
export * from './apply-curves';
export * from './soft-shoulder';
