import { type ASTNode, BREAK, type DocumentNode, getLocation, type GraphQLError, Kind, visit } from 'graphql';
import { toGraphQLError } from '../../resolvers/toGraphQLError.ts';

/** An error in AppSync's response shape. */
export interface AppSyncError {
  path: (string | number)[] | null;
  data?: null;
  errorType?: string;
  errorInfo?: null;
  locations: { line: number; column: number; sourceName: null }[] | null;
  message: string;
}

/** An error a field raises with AppSync's own errorType (field-level authorization: "Unauthorized"). */
export class AppSyncFieldError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
  ) {
    super(message);
    this.name = 'AppSyncFieldError';
  }
}

/** A resolver error as AppSync returns it: the closed errorType from toGraphQLError, path and locations. */
export function formatExecutionError(error: GraphQLError): AppSyncError {
  const original = error.originalError;
  const { errorType, message } =
    original instanceof AppSyncFieldError
      ? original
      : original
        ? toGraphQLError(original)
        : { errorType: 'INVALID_INPUT', message: withoutValues(error.message) };
  return {
    path: error.path ? [...error.path] : null,
    data: null,
    errorType,
    errorInfo: null,
    locations: locationsOf(error),
    message,
  };
}

// graphql-js names validation failures in prose; AppSync (graphql-java) prefixes the rule's type name.
const VALIDATION_TYPES: [RegExp, string][] = [
  [/^Cannot query field/, 'FieldUndefined'],
  [/^Unknown type/, 'UnknownType'],
  [/^Unknown argument/, 'UnknownArgument'],
  [/^Field ".*" argument ".*" of type ".*" is required/, 'MissingFieldArgument'],
  [/^Field ".*" of type ".*" must have a selection of subfields/, 'SubSelectionRequired'],
  [/^Field ".*" must not have a selection/, 'SubSelectionNotAllowed'],
  [/^Variable ".*" is never used/, 'UnusedVariable'],
  [/^Variable ".*" is not defined/, 'UndefinedVariable'],
  [/^Variable ".*" of type ".*" used in position expecting/, 'VariableTypeMismatch'],
  [/cannot represent|Expected value of type|Expected type/, 'WrongType'],
];

/** A validation error as AppSync returns it: no errorType, "Validation error of type <Rule>: ...", null path. */
export function formatValidationError(error: GraphQLError, document?: DocumentNode): AppSyncError {
  const type = VALIDATION_TYPES.find(([pattern]) => pattern.test(error.message))?.[1] ?? 'ValidationError';
  const undefinedField = /^Cannot query field "([^"]+)" on type "([^"]+)"/.exec(error.message);
  if (undefinedField) {
    // AppSync's own wording for the most common mistake, which clients match on.
    const [, field, typeName] = undefinedField;
    const node = error.nodes?.[0];
    const at = document && node ? fieldPath(document, node) : field;
    return {
      path: null,
      locations: locationsOf(error),
      message: `Validation error of type FieldUndefined: Field '${field}' in type '${typeName}' is undefined @ '${at}'`,
    };
  }
  return {
    path: null,
    locations: locationsOf(error),
    message: `Validation error of type ${type}: ${withoutValues(error.message)}`,
  };
}

/**
 * A request over AppSync's query depth or resolver count limit: AppSync's errorType (QueryDepthLimitReached,
 * ResolverExecutionLimitReached). AppSync raises these on the fields past the limit while the others run; here
 * the whole request is refused before any resolver runs, so there is no path and no data.
 */
export function limitError(errorType: string, message: string, node?: ASTNode): AppSyncError {
  const at = node?.loc ? getLocation(node.loc.source, node.loc.start) : undefined;
  return {
    path: null,
    data: null,
    errorType,
    errorInfo: null,
    locations: at ? [{ line: at.line, column: at.column, sourceName: null }] : null,
    message,
  };
}

/** A syntax error: AppSync reports it as an InvalidSyntax validation error. */
export function formatSyntaxError(error: GraphQLError): AppSyncError {
  // The parser quotes the token it stopped at, which may be a name or the whole note: keep only its kind.
  const message = error.message
    .replace(/^Syntax Error: /, '')
    .replace(/ (Name|String|BlockString|Int|Float) ".*"/s, ' $1');
  return { path: null, locations: locationsOf(error), message: `Validation error of type InvalidSyntax: ${message}` };
}

/** Variables that do not fit their types: AppSync's message, no errorType. */
export function formatVariableError(error: GraphQLError): AppSyncError {
  return { path: null, locations: locationsOf(error), message: withoutValues(error.message) };
}

/**
 * graphql-js quotes the offending value in coercion messages ('got invalid value "Ann Lee"', 'cannot
 * represent a non string value: 12'); values may be PHI, so they are cut out.
 */
export function withoutValues(message: string): string {
  return message
    .replace(/got invalid value .*? at "/s, 'got invalid value at "')
    .replace(/got invalid value .*?;/s, 'got invalid value;')
    .replace(/(cannot represent[^:]*?value): .*$/s, '$1.')
    .replace(/(Expected value of type "[^"]+"), found .*?(;|$)/s, '$1$2')
    .replace(/Value ".*?" does not exist in "([^"]+)" enum/s, 'Value does not exist in "$1" enum');
}

/** The field names from the operation's root down to `target`, joined with "/", as AppSync writes them. */
function fieldPath(document: DocumentNode, target: ASTNode): string {
  const names: string[] = [];
  let found = '';
  visit(document, {
    Field: {
      enter(node) {
        names.push(node.name.value);
        if (node === target) {
          found = names.join('/');
          return BREAK;
        }
        return undefined;
      },
      leave() {
        names.pop();
      },
    },
  });
  return found || (target.kind === Kind.FIELD ? target.name.value : '');
}

function locationsOf(error: GraphQLError): AppSyncError['locations'] {
  return error.locations ? error.locations.map(({ line, column }) => ({ line, column, sourceName: null })) : null;
}
