/** PHI makers: each returns the surface string in one of many formats as a gold-annotated fragment. */
export * from './phi/names.ts';
export * from './phi/dates.ts';
export * from './phi/contact.ts';
export * from './phi/ids.ts';
export * from './phi/places.ts';
export * from './phi/people.ts';
export { phi, type Fragment, type PhiPiece } from './NoteBuilder.ts';
