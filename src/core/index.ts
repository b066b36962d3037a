export * from './PhiEntity.ts';
export * from './ports.ts';
export * from './errors.ts';
export * from './MaskOptions.ts';
export * from './maskText.ts';
export * from './mergeSpans.ts';
export * from './expandToGraphemes.ts';
export * from './findWholeWords.ts';
