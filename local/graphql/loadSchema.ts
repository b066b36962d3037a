import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLSchema, isScalarType } from 'graphql';
import { APPSYNC_PRELUDE } from './appSyncPrelude.ts';
import { AWS_SCALARS } from './awsScalars.ts';

export const SCHEMA_FILE = new URL('../../schema.graphql', import.meta.url);

/** schema.graphql as AppSync builds it: the AppSync prelude prepended, the AWS scalars implemented. */
export function loadSchema(file: URL | string = SCHEMA_FILE): GraphQLSchema {
  const schema = buildSchema(APPSYNC_PRELUDE + readFileSync(file, 'utf8'));
  for (const [name, implementation] of Object.entries(AWS_SCALARS)) {
    const type = schema.getType(name);
    // buildSchema gives scalars that pass values through; give them AppSync's parsing and checks.
    if (isScalarType(type))
      Object.assign(type, {
        serialize: implementation.serialize,
        parseValue: implementation.parseValue,
        parseLiteral: implementation.parseLiteral,
      });
  }
  return schema;
}
