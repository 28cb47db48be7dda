import { type ArgumentNode, type DocumentNode, type GraphQLError, Kind, type ObjectFieldNode, visit } from 'graphql';

import { ApiErrorCode, apiError } from '../common/api-error';

const NUL = '\u0000';

/**
 * The name of the first variable or input field holding a string with a NUL character.
 * Iterative: this walk was the recursion that a 3,500-level `variables` value overflowed
 * (issue 6, fault 3), before input depth was bounded ahead of it.
 */
function nulInValue(root: unknown): string | null {
  const stack: { value: unknown; name: string | null }[] = [{ value: root, name: null }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) continue;
    const { value, name } = item;
    if (typeof value === 'string') {
      if (value.includes(NUL)) return name ?? 'variables';
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ value: value[i], name });
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i] as [string, unknown];
        stack.push({ value: child, name: key });
      }
    }
  }
  return null;
}

function nulInDocument(document: DocumentNode): string | null {
  let field: string | null = null;
  visit(document, {
    StringValue(node, _key, parent, _path, ancestors) {
      if (field !== null || !node.value.includes(NUL)) return;
      // `ancestors` ends above `parent`, which is the nearest owner of a field's value.
      const owner = [...ancestors, ...(parent ? [parent] : [])]
        .reverse()
        .find((ancestor): ancestor is ArgumentNode | ObjectFieldNode =>
          'kind' in ancestor && (ancestor.kind === Kind.ARGUMENT || ancestor.kind === Kind.OBJECT_FIELD),
        );
      field = owner?.name.value ?? 'query';
    },
  });
  return field;
}

/**
 * PostgreSQL text cannot hold U+0000, so a string containing it failed inside SQL and came back
 * as a masked INTERNAL_SERVER_ERROR. Refuse it before execution, as BAD_USER_INPUT naming the
 * argument, input field or variable, on both transports.
 */
export function nulCharacterError(document: DocumentNode, variables: Record<string, unknown> | null | undefined): GraphQLError | null {
  const field = nulInValue(variables ?? {}) ?? nulInDocument(document);
  if (field === null) return null;
  return apiError(ApiErrorCode.BadUserInput, `${field} must not contain NUL characters`, { field, http: { status: 400 } });
}
