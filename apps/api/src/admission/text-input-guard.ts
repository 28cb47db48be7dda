import { type ArgumentNode, type DocumentNode, type GraphQLError, Kind, type ObjectFieldNode, visit } from 'graphql';

import { ApiErrorCode, apiError } from '../common/api-error';

const NUL = '\u0000';

/** The name of the first variable or input field holding a string with a NUL character. */
function nulInValue(value: unknown, name: string | null): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? (name ?? 'variables') : null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = nulInValue(item, name);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulInValue(item, key);
      if (found) return found;
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
  const field = nulInValue(variables ?? {}, null) ?? nulInDocument(document);
  if (field === null) return null;
  return apiError(ApiErrorCode.BadUserInput, `${field} must not contain NUL characters`, { field, http: { status: 400 } });
}
