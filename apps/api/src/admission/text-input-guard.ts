import { type ArgumentNode, type DocumentNode, type GraphQLError, Kind, type ObjectFieldNode, visit } from 'graphql';

import { ApiErrorCode, apiError } from '../common/api-error';

const NUL = '\u0000';
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text PostgreSQL cannot store: U+0000 (text), and ill-formed UTF-16 — a lone surrogate, which
 * `jsonb` refuses outright (the room event log) and text columns would silently mangle.
 */
function unstorable(value: string): 'NUL' | 'SURROGATE' | null {
  if (value.includes(NUL)) return 'NUL';
  return LONE_SURROGATE.test(value) ? 'SURROGATE' : null;
}

/**
 * The name of the first variable or input field holding a string with a NUL character.
 * Iterative: this walk was the recursion that a 3,500-level `variables` value overflowed
 * (issue 6, fault 3), before input depth was bounded ahead of it.
 */
function nulInValue(root: unknown): { name: string; problem: 'NUL' | 'SURROGATE' } | null {
  const stack: { value: unknown; name: string | null }[] = [{ value: root, name: null }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) continue;
    const { value, name } = item;
    if (typeof value === 'string') {
      const problem = unstorable(value);
      if (problem) return { name: name ?? 'variables', problem };
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

/** Per document: literals never change, so each document is walked once. */
const documentProblems = new WeakMap<DocumentNode, { name: string; problem: 'NUL' | 'SURROGATE' } | null>();

function nulInDocument(document: DocumentNode): { name: string; problem: 'NUL' | 'SURROGATE' } | null {
  const known = documentProblems.get(document);
  if (known !== undefined) return known;
  const found = walkDocument(document);
  documentProblems.set(document, found);
  return found;
}

function walkDocument(document: DocumentNode): { name: string; problem: 'NUL' | 'SURROGATE' } | null {
  let field: { name: string; problem: 'NUL' | 'SURROGATE' } | null = null;
  visit(document, {
    StringValue(node, _key, parent, _path, ancestors) {
      const problem = field === null ? unstorable(node.value) : null;
      if (problem === null) return;
      // `ancestors` ends above `parent`, which is the nearest owner of a field's value.
      const owner = [...ancestors, ...(parent ? [parent] : [])]
        .reverse()
        .find((ancestor): ancestor is ArgumentNode | ObjectFieldNode =>
          'kind' in ancestor && (ancestor.kind === Kind.ARGUMENT || ancestor.kind === Kind.OBJECT_FIELD),
        );
      field = { name: owner?.name.value ?? 'query', problem };
    },
  });
  return field;
}

/**
 * Kind: text that cannot be stored. PostgreSQL text cannot hold U+0000 and jsonb refuses lone
 * surrogates, so such strings failed inside SQL and came back as a masked INTERNAL_SERVER_ERROR
 * (the schema fuzz found the surrogate case in a hand question). Refuse them before execution,
 * as BAD_USER_INPUT naming the argument, input field or variable, on both transports.
 */
export function nulCharacterError(document: DocumentNode, variables: Record<string, unknown> | null | undefined): GraphQLError | null {
  const found = nulInValue(variables ?? {}) ?? nulInDocument(document);
  if (found === null) return null;
  const field = found.name;
  const message = found.problem === 'NUL' ? `${field} must not contain NUL characters` : `${field} must be well-formed Unicode (it has a lone surrogate)`;
  return apiError(ApiErrorCode.BadUserInput, message, { field, http: { status: 400 } });
}
