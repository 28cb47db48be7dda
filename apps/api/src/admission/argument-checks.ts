import {
  type DocumentNode,
  getNamedType,
  type GraphQLArgument,
  getNullableType,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  Kind,
  TypeInfo,
  valueFromAST,
  type ValueNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';

import { isDerivedId, isValidProfileId } from '../auth/authenticator';
import { isUuid } from '../common/ids';
import { CURSOR_MAX_TIME, CURSOR_MIN_TIME, MAX_PAGE_SIZE } from '../common/pagination';

/** An argument or input field that would fail inside a resolver; `field` names it. */
export interface ArgumentProblem {
  readonly field: string;
  readonly message: string;
}

/** DateTime inputs PostgreSQL's timestamptz and JavaScript both hold: years 1 to 9999. */
const MIN_DATE_TIME = new Date('0001-01-01T00:00:00.000Z').getTime();
const MAX_DATE_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Ids that name a UUID-keyed row; every other ID argument is a profile id or a UUID. */
const UUID_ARGUMENTS = new Set(['roomId', 'groupId', 'reportId']);
const PROFILE_ID_ARGUMENTS = new Set(['profileId', 'inviteeIds']);
const UUID_ID_FIELDS = new Set(['room', 'group']);

function checkCursor(value: string): boolean {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') return false;
    const time = new Date(parsed[0]).getTime();
    return Number.isFinite(time) && time >= CURSOR_MIN_TIME && time <= CURSOR_MAX_TIME && isValidProfileId(parsed[1]);
  } catch {
    return false;
  }
}

function dateTimeInRange(value: unknown): boolean {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  // Not a date at all: the scalar itself refuses it with a clear message.
  if (!date || Number.isNaN(date.getTime())) return true;
  return date.getTime() >= MIN_DATE_TIME && date.getTime() <= MAX_DATE_TIME;
}

/** The rule for one scalar value, chosen by its name and type; null when it passes. */
function scalarProblem(name: string, fieldName: string, typeName: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeName === 'Int' && name === 'first') {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_PAGE_SIZE
      ? null
      : `${name} must be an integer between 0 and ${MAX_PAGE_SIZE}`;
  }
  if (typeName === 'Int' && name === 'sinceVersion') {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? null : `${name} must be a non-negative integer`;
  }
  if (typeName === 'String' && name === 'after') {
    return typeof value !== 'string' || value === '' || checkCursor(value) ? null : `${name} is not a valid cursor`;
  }
  if (typeName === 'ID') {
    const id = typeof value === 'number' ? String(value) : value;
    if (typeof id !== 'string') return null;
    if (UUID_ARGUMENTS.has(name) || (name === 'id' && UUID_ID_FIELDS.has(fieldName))) {
      return isUuid(id) ? null : `${name} is not a valid id`;
    }
    if (PROFILE_ID_ARGUMENTS.has(name) || (name === 'id' && fieldName === 'profile')) {
      return isValidProfileId(id) ? null : `${name} is not a valid profile id`;
    }
    return isUuid(id) || isValidProfileId(id) || isDerivedId(id) ? null : `${name} is not a valid id`;
  }
  if (typeName === 'DateTime') {
    return dateTimeInRange(value) ? null : `${name} must be between 0001-01-01 and 9999-12-31`;
  }
  return null;
}

/** Walks a coerced argument value along its input type (lists, input objects), checking scalars. */
function valueProblem(name: string, fieldName: string, type: GraphQLInputType, value: unknown): ArgumentProblem | null {
  // Iterative, so deep inputs cannot overflow (their depth is also bounded before this runs).
  const stack: { name: string; type: GraphQLInputType; value: unknown }[] = [{ name, type, value }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item || item.value === null || item.value === undefined) continue;
    const nullable = getNullableType(item.type);
    if (isListType(nullable)) {
      if (Array.isArray(item.value)) for (const element of item.value) stack.push({ name: item.name, type: nullable.ofType, value: element });
      else stack.push({ name: item.name, type: nullable.ofType, value: item.value });
      continue;
    }
    if (isInputObjectType(nullable)) {
      if (typeof item.value !== 'object') continue;
      const object = item.value as Record<string, unknown>;
      for (const field of Object.values(nullable.getFields())) {
        stack.push({ name: field.name, type: field.type, value: object[field.name] });
      }
      continue;
    }
    const message = scalarProblem(item.name, fieldName, getNamedType(item.type).name, item.value);
    if (message) return { field: item.name, message };
  }
  return null;
}

/**
 * The `field` an error names: what the client sent, as the message names it (kind: an error names
 * a field the client did not send — `room(id:)` was reported as `roomId`). An argument by its own
 * name (`room(id)` → id, `joinRoom(roomId)` → roomId), a field of an `input` argument by its own
 * name (`createRoom(input: {scheduledFor})` → scheduledFor), any other nested field by its path
 * (`rooms(filter: {groupId})` → filter.groupId).
 */
function reportedField(argumentName: string, problemField: string): string {
  if (problemField === argumentName) return argumentName;
  return argumentName === 'input' ? problemField : `${argumentName}.${problemField}`;
}

/** One argument in a document, with what checking its value needs. */
interface ArgumentCheck {
  readonly fieldName: string;
  readonly argument: GraphQLArgument;
  readonly value: ValueNode;
}

/**
 * Every argument of every field in the document (operations and each fragment once, so linear
 * in its size), in document order: what {@link findArgumentProblemIn} checks. It depends on the
 * document and the schema alone, so a server keeps it per document (`Admission`).
 */
export type ArgumentCheckPlan = readonly ArgumentCheck[];

export function argumentCheckPlan(schema: GraphQLSchema, document: DocumentNode): ArgumentCheckPlan {
  const typeInfo = new TypeInfo(schema);
  const checks: ArgumentCheck[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const fieldDef = typeInfo.getFieldDef();
        if (!fieldDef || !node.arguments) return;
        for (const argumentNode of node.arguments) {
          const argument = fieldDef.args.find((candidate) => candidate.name === argumentNode.name.value);
          if (argument) checks.push({ fieldName: fieldDef.name, argument, value: argumentNode.value });
        }
      },
    }),
  );
  return checks;
}

/**
 * Checks every argument of every field in the document before any resolver runs: page sizes,
 * cursors, id shapes, DateTime ranges. A mutation whose selection asks for
 * `audience(first: 101)` used to commit its write and fail afterwards while resolving the
 * selection (issue 6, fault 5); a cursor at year 0000 reached SQL (fault 6). Values the schema
 * itself refuses are left to validation/coercion. Returns the first problem in document order.
 */
export function findArgumentProblemIn(plan: ArgumentCheckPlan, variables: Record<string, unknown> | null | undefined): ArgumentProblem | null {
  for (const { fieldName, argument, value: valueNode } of plan) {
    let value: unknown;
    try {
      value = valueNode.kind === Kind.VARIABLE ? variables?.[valueNode.name.value] : valueFromAST(valueNode, argument.type, variables ?? undefined);
    } catch {
      continue;
    }
    const problem = valueProblem(argument.name, fieldName, argument.type, value);
    if (problem) return { ...problem, field: reportedField(argument.name, problem.field) };
  }
  return null;
}

/** {@link findArgumentProblemIn} of the document's {@link argumentCheckPlan}. */
export function findArgumentProblem(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
): ArgumentProblem | null {
  return findArgumentProblemIn(argumentCheckPlan(schema, document), variables);
}
