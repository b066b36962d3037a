import { type FieldNode, getArgumentValues, type GraphQLSchema } from 'graphql';
import { type AppSyncError, limitError } from './appSyncErrors.ts';
import { collectFields, type SelectionInput } from './countSelections.ts';

/** The root mutations that run detection on what they are given. */
const MASK_FIELDS = new Set(['maskText', 'maskImage']);

/**
 * Most maskText and maskImage fields in one request. The client kit sends one; 25 lets a client batch small notes
 * while one request still holds the server's event loop for no more than a few detections' worth.
 */
export const MAX_MASK_FIELDS_PER_REQUEST = 25;

export interface MaskInputLimits {
  /**
   * Most characters of `input.text` and `input.base64` all the request's mask fields may hold together: the request
   * body limit (HDM_MAX_REQUEST_BYTES), so the work never exceeds what one body could carry without reusing a value.
   */
  maxChars: number;
  /** Most mask fields (default MAX_MASK_FIELDS_PER_REQUEST). */
  maxFields?: number;
}

/**
 * The refusal of a mutation whose mask fields together ask for more work than its body could carry: aliases that
 * reuse one variable (`a0: maskText(input: {text: $t}) ... a599: ...`) would otherwise run 600 detections of a
 * 1,000,000-character note from a 1 MB body. `variables` are the request's coerced variables. Checked before any
 * resolver runs; the message names the rule, never a value. Undefined when within both limits.
 */
export function checkMaskInputs(
  input: SelectionInput & { variables: Readonly<Record<string, unknown>> },
  limits: MaskInputLimits,
): AppSyncError | undefined {
  const mutation = input.schema.getMutationType();
  if (input.operation.operation !== 'mutation' || !mutation) return undefined;
  const maxFields = limits.maxFields ?? MAX_MASK_FIELDS_PER_REQUEST;
  // Fields with one response name run once, as execution merges them; aliases each run.
  const masks = [...collectFields(input, [input.operation.selectionSet], mutation).values()].flatMap(
    ({ nodes: [node] }) => (node && MASK_FIELDS.has(node.name.value) ? [node] : []),
  );
  const overCount = masks[maxFields];
  if (overCount)
    return limitError(
      'PAYLOAD_TOO_LARGE',
      `Mask field limit reached: a request may hold at most ${maxFields} maskText and maskImage fields`,
      overCount,
    );
  let chars = 0;
  for (const node of masks) {
    chars += inputChars(input.schema, node, input.variables);
    if (chars > limits.maxChars) {
      return limitError(
        'PAYLOAD_TOO_LARGE',
        `Mask input limit reached: the texts and inline images of a request's maskText and maskImage fields may hold ${limits.maxChars} characters together (the request body limit; a variable used by several fields counts each time)`,
        node,
      );
    }
  }
  return undefined;
}

/** Characters of `input.text` and `input.base64` the field is given; 0 when its arguments do not resolve (execution then reports them). */
function inputChars(schema: GraphQLSchema, node: FieldNode, variables: Readonly<Record<string, unknown>>): number {
  const field = schema.getMutationType()?.getFields()[node.name.value];
  if (!field) return 0;
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(field, node, variables);
  } catch {
    return 0;
  }
  const given = (args.input ?? {}) as { text?: unknown; base64?: unknown };
  return (
    (typeof given.text === 'string' ? given.text.length : 0) +
    (typeof given.base64 === 'string' ? given.base64.length : 0)
  );
}
