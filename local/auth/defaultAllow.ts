/**
 * What a principal may call when its entry has no `allow`: every public field of the contract. Not
 * Mutation.publishJobUpdate: only the worker publishes job updates, and a caller that could would be able
 * to push fake status to any subscriber. Written in the short form (see isAllowed), so it holds for any
 * region, account and API id.
 */
export const DEFAULT_ALLOW: readonly string[] = Object.freeze([
  'Query.*',
  'Mutation.maskText',
  'Mutation.maskImage',
  'Mutation.createImageUpload',
  'Subscription.*',
]);
