import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  parse,
  validate,
} from 'graphql';
import { type AppSyncError, formatSyntaxError, formatValidationError } from './appSyncErrors.ts';
import { fragmentsOf } from './queryLimits.ts';

/** A query text once parsed and validated against the schema (what the engine caches), or the errors that refuse it. */
export type Prepared =
  { document: DocumentNode; fragments: ReadonlyMap<string, FragmentDefinitionNode> } | { errors: AppSyncError[] };

export function parseAndValidate(schema: GraphQLSchema, query: string): Prepared {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: 10_000 });
  } catch (error) {
    return { errors: [formatSyntaxError(error as GraphQLError)] };
  }
  const validationErrors = validate(schema, document);
  return validationErrors.length > 0
    ? { errors: validationErrors.map((e) => formatValidationError(e, document)) }
    : { document, fragments: fragmentsOf(document) };
}

/**
 * What a cache entry keeps alive: the query text (up to 2 bytes a character) and its syntax tree, which V8
 * holds at 160-380 bytes a token (measured on Node 20 for this schema's queries), so 400 are counted.
 */
export function retainedBytes(query: string, prepared: Prepared): number {
  if ('errors' in prepared) return 2 * (query.length + JSON.stringify(prepared.errors).length);
  let tokens = 0;
  for (let token = prepared.document.loc?.startToken ?? null; token; token = token.next) tokens++;
  return 2 * query.length + 400 * tokens;
}
