import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

type Check = (value: string) => boolean;

// AWSDateTime: extended ISO 8601 date and time with a zone designator (Z or an offset), seconds optional
// fractions; AWSDate and AWSTime likewise, per AppSync's scalar reference.
const DATE = /^\d{4}-\d{2}-\d{2}(?:Z|[+-]\d{2}:\d{2}(?::\d{2})?)?$/;
const TIME = /^\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}(?::\d{2})?)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}(?::\d{2})?)$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s().-]{3,}$/;

const checks: Record<string, Check> = {
  AWSDate: (v) => DATE.test(v) && !Number.isNaN(Date.parse(v.slice(0, 10))),
  AWSTime: (v) => TIME.test(v),
  AWSDateTime: (v) => DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)),
  AWSEmail: (v) => EMAIL.test(v),
  AWSURL: (v) => URL.canParse(v) && /^[a-z][a-z0-9+.-]*:\/\/./i.test(v),
  AWSPhone: (v) => PHONE.test(v),
  AWSIPAddress: (v) => /^(?:\d{1,3}\.){3}\d{1,3}(?:\/\d{1,2})?$/.test(v) || /^[0-9a-f:]+(?:\/\d{1,3})?$/i.test(v),
};

function stringScalar(name: string, check: Check): GraphQLScalarType {
  const accept = (value: unknown): string => {
    if (typeof value !== 'string' || !check(value))
      throw new GraphQLError(`Can't serialize value: Unable to serialize value as a valid ${name}.`);
    return value;
  };
  return new GraphQLScalarType({
    name,
    serialize: accept,
    parseValue: accept,
    parseLiteral: (ast: ValueNode) => accept(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

/** AWSTimestamp: seconds since the epoch, an integer. */
const AWSTimestamp = new GraphQLScalarType({
  name: 'AWSTimestamp',
  serialize: (v) => (Number.isInteger(v) ? v : Math.floor(Number(v))),
  parseValue: (v) => {
    if (!Number.isInteger(v)) throw new GraphQLError('AWSTimestamp must be an integer number of seconds');
    return v;
  },
  parseLiteral: (ast) => (ast.kind === Kind.INT ? Number(ast.value) : undefined),
});

/** AWSJSON: JSON carried as a string on the wire, parsed for the resolver. */
const AWSJSON = new GraphQLScalarType({
  name: 'AWSJSON',
  serialize: (v) => (typeof v === 'string' ? v : JSON.stringify(v)),
  parseValue: (v) => {
    if (typeof v !== 'string') throw new GraphQLError('AWSJSON must be a JSON string');
    try {
      return JSON.parse(v);
    } catch {
      throw new GraphQLError('AWSJSON must be a valid JSON string');
    }
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) return undefined;
    return JSON.parse(ast.value);
  },
});

/** The AWS scalars by name, with AppSync's validation. */
export const AWS_SCALARS: Record<string, GraphQLScalarType> = {
  ...Object.fromEntries(Object.entries(checks).map(([name, check]) => [name, stringScalar(name, check)])),
  AWSTimestamp,
  AWSJSON,
};
