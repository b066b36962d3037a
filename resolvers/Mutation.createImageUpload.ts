import { createImageUpload as createUpload } from '../src/core/createImageUpload.ts';
import { callerOf, type FieldResolver } from './ResolverEvent.ts';

/** `createImageUpload(contentType: String!, contentLength: Int): ImageUpload!` */
export const createImageUpload: FieldResolver<{ contentType: string; contentLength?: number | null }> = (
  event,
  services,
) => createUpload(services, callerOf(event), event.arguments.contentType, event.arguments.contentLength);
