import { jobFindings } from './Job.findings.ts';
import { jobMaskedImage } from './Job.maskedImage.ts';
import { createImageUpload } from './Mutation.createImageUpload.ts';
import { maskImage } from './Mutation.maskImage.ts';
import { maskText } from './Mutation.maskText.ts';
import { findings } from './Query.findings.ts';
import { job } from './Query.job.ts';
import { jobs } from './Query.jobs.ts';
import type { FieldResolver } from './ResolverEvent.ts';

/**
 * Every field with a Lambda resolver, by `<Type>.<field>`; the Lambda handler and the local server both route by it.
 * The APPSYNC_JS fields (publishJobUpdate, the subscriptions) are in resolvers/appsync/jsResolvers.ts instead.
 */
export const FIELD_RESOLVERS: Readonly<Record<string, FieldResolver<never, never>>> = {
  'Mutation.maskText': maskText as FieldResolver<never, never>,
  'Mutation.maskImage': maskImage as FieldResolver<never, never>,
  'Mutation.createImageUpload': createImageUpload as FieldResolver<never, never>,
  'Query.job': job as FieldResolver<never, never>,
  'Query.jobs': jobs as FieldResolver<never, never>,
  'Query.findings': findings as FieldResolver<never, never>,
  'Job.findings': jobFindings as FieldResolver<never, never>,
  'Job.maskedImage': jobMaskedImage as FieldResolver<never, never>,
};
