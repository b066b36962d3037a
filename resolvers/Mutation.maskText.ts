import { type MaskTextInput, maskTextJob } from '../src/core/maskTextJob.ts';
import { callerOf, type FieldResolver } from './ResolverEvent.ts';

/** `maskText(input: MaskTextInput!): Job!` */
export const maskText: FieldResolver<{ input: MaskTextInput }> = (event, services) =>
  maskTextJob(services, callerOf(event), event.arguments.input);
