export * from './PhiEntity.ts';
export * from './ports.ts';
export * from './errors.ts';
