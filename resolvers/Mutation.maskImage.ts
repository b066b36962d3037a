import { type MaskImageInput, maskImageJob } from '../src/core/maskImageJob.ts';
import { callerOf, type FieldResolver } from './ResolverEvent.ts';

/** `maskImage(input: MaskImageInput!): Job!` */
export const maskImage: FieldResolver<{ input: MaskImageInput }> = (event, services) =>
  maskImageJob(services, callerOf(event), event.arguments.input);
