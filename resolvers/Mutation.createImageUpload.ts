import { createImageUpload as createUpload } from '../src/core/createImageUpload.ts';
import { callerOf, type FieldResolver } from './ResolverEvent.ts';

/** `createImageUpload(contentType: String!): ImageUpload!` */
export const createImageUpload: FieldResolver<{ contentType: string }> = (event, services) =>
  createUpload(services, callerOf(event), event.arguments.contentType);
