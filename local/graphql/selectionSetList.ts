import { type FieldNode, type GraphQLResolveInfo, Kind, print, type SelectionSetNode } from 'graphql';

/**
 * AppSync's `info.selectionSetList`: the paths of every field selected under the current one
 * ("id", "findings", "findings/items", "findings/items/type"), fragments flattened, aliases ignored.
 */
export function selectionSetList(info: GraphQLResolveInfo): string[] {
  const paths = new Set<string>();
  for (const node of info.fieldNodes) collect(node.selectionSet, '', info, paths);
  return [...paths];
}

/** AppSync's `info.selectionSetGraphQL`: the selection set as GraphQL text. */
export function selectionSetGraphQL(info: GraphQLResolveInfo): string {
  const set = info.fieldNodes[0]?.selectionSet;
  return set ? print(set) : '';
}

function collect(
  set: SelectionSetNode | undefined,
  prefix: string,
  info: GraphQLResolveInfo,
  paths: Set<string>,
): void {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      const path = prefix + (selection as FieldNode).name.value;
      if (selection.name.value.startsWith('__')) continue;
      paths.add(path);
      collect(selection.selectionSet, `${path}/`, info, paths);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(selection.selectionSet, prefix, info, paths);
    } else {
      collect(info.fragments[selection.name.value]?.selectionSet, prefix, info, paths);
    }
  }
}
