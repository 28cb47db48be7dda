import { randomUUID } from 'node:crypto';

import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getOperationAST,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  specifiedRules,
  validate,
  type ValidationRule, NoSchemaIntrospectionCustomRule } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

import { type AuthenticatedViewer, AuthenticationError, type Authenticator, bearerToken } from '../auth/authenticator';
import { formatApiError } from '../common/api-error';
import type { GraphQLContext } from '../common/context';
import { RequestScope } from '../common/request-scope';
import type { Database } from '../database/orm';
import { currentRequestId } from '../observability/request-trace';
import type { Services } from '../server/services';
import { viewerFromToken } from '../staff/staff-directory';
import { refusal, withRequestCode } from './admission-errors';
import { argumentCheckPlan, type ArgumentCheckPlan, findArgumentProblemIn } from './argument-checks';
import {
  costVariables,
  type DocumentLimits,
  documentLimitRules,
  expandedSelectionSize,
  fieldMergeComparisons,
  operationCost,
  parseWithTokenLimit,
} from './document-limits';
import { hasTooDeepLiteral, tooDeepValuePath } from './input-bounds';
import { networkSourceKey } from './network-source-key';
import { EXPENSIVE_READ_FIELDS, type RateLimitCost, type RateLimitDecision, RateLimits } from './rate-limits';
import { nulCharacterError } from './text-input-guard';

/** The limits admission applies; see README "Limits" for each variable. */
export interface AdmissionLimits extends DocumentLimits {
  readonly maxInputDepth: number;
  /** Work points one subscribe operation costs (RATE_LIMIT_SUBSCRIBE_PRICE). */
  readonly subscribePrice: number;
  /** Work points per started KB of a document not parsed yet (RATE_LIMIT_DOCUMENT_POINTS_PER_KB). */
  readonly documentPointsPerKb: number;
}

/** Who sent an operation, and how. */
export interface AdmissionClient {
  readonly viewer: AuthenticatedViewer | null;
  readonly ip: string | null;
  readonly transport: 'http' | 'ws';
}

/** A GraphQL request as it arrives, before anything is trusted. */
export interface RawRequest {
  readonly query?: unknown;
  readonly operationName?: unknown;
  readonly variables?: unknown;
  readonly extensions?: unknown;
}

/** A request that passed every check before execution. */
export interface AdmittedOperation {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown>;
}

export interface AdmissionOptions {
  readonly schema: GraphQLSchema;
  readonly limits: AdmissionLimits;
  readonly authenticator: Authenticator;
  /** Tokens issued for longer carry no staff rights (AUTH_MAX_STAFF_TOKEN_LIFETIME_SECONDS). */
  readonly maxStaffTokenLifetimeSeconds: number;
  readonly rateLimits: RateLimits;
  readonly services: Services;
  readonly db: Database;
  readonly logger: Logger;
  /** The graphql-ws URL, for the message that sends subscriptions there. */
  readonly wsUrl: () => string;
  /** Whether introspection queries are answered (GRAPHQL_INTROSPECTION; off in production). */
  readonly introspection?: boolean;
  /** Whether "Did you mean …?" hints stay in errors (GRAPHQL_SUGGESTIONS; off in production). */
  readonly suggestions?: boolean;
  /**
   * When set, reports carry a `sourceKey` (an HMAC of the client's network keyed with this), so
   * many accounts reporting from one network count as one reporter. Off unless
   * REPORT_SOURCE_BY_NETWORK; the address is clientAddress()'s, so behind a proxy TRUST_PROXY
   * must name it.
   */
  readonly sourceKeySecret?: string | null;
  /**
   * Called each time a per-document step really runs (not answered from a cache), so tests and
   * /metrics can count work: see {@link DocumentWorkStep}.
   */
  readonly countWork?: (step: DocumentWorkStep) => void;
  /** Called for each operation a budget refuses (RATE_LIMITED), for /metrics. */
  readonly countRateLimited?: (transport: AdmissionClient['transport']) => void;
  /** Called with the work points each granted charge took, and where they went, for /metrics. */
  readonly countPoints?: (points: number, labels: PointLabels) => void;
}

/** What a granted charge of work points was for, and whose budget paid it. */
export interface PointLabels {
  readonly transport: AdmissionClient['transport'];
  /** `document`: a document not parsed yet, by size; `operation`: the operation's price. */
  readonly price: 'document' | 'operation';
  /** `viewer`: the signed-in viewer's budget; `address`: the anonymous client address's. */
  readonly budget: 'viewer' | 'address';
}

/**
 * Per-document work that admission (and Apollo, on HTTP) does once per document and keeps:
 * `parse` (token budget, literal depth, expanded size), `validate` (graphql's rules with the
 * document limits, WebSocket), `apollo-parse` and `apollo-validate` (Apollo's own, HTTP; skipped
 * when its document store has the query), `argument-plan` (which arguments to check), `cost`
 * (graphql-query-complexity; kept per document, operation and the variables the cost reads).
 */
export type DocumentWorkStep = 'parse' | 'validate' | 'apollo-parse' | 'apollo-validate' | 'argument-plan' | 'cost';

/** Costs kept per document: the variables they read, and the costs by operation and their values. */
interface KnownCosts {
  readonly variables: readonly string[];
  readonly byKey: Map<string, number>;
}

/** Costs kept per document (by operation name and the values of its cost variables), at most. */
const COSTS_PER_DOCUMENT = 64;

type Refused = { readonly errors: readonly GraphQLError[] };

const DOCUMENT_CACHE_SIZE = 500;
const DOCUMENT_CACHE_MAX_QUERY_LENGTH = 20_000;

const maskSuggestionsOnValidateEnd = (
  blockFieldSuggestionsPlugin({ mask: '' }).onValidate as unknown as (payload: unknown) => (end: {
    valid: boolean;
    result: GraphQLError[];
    setResult: (errors: GraphQLError[]) => void;
  }) => void
)({});

/** Removes "Did you mean …?" schema hints (graphql-armor's rule, plus graphql's enum/argument variants). */
export function maskSuggestions(message: string): string {
  let errors = [new GraphQLError(message)];
  maskSuggestionsOnValidateEnd({ valid: false, result: errors, setResult: (result) => (errors = result) });
  return (errors[0]?.message ?? message).replace(/\s*Did you mean [^?]*\?/g, '').trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Everything that happens to an operation before and around execution, for HTTP and graphql-ws
 * alike: authentication, the shape and depth of the raw request, document limits (tokens,
 * expanded size, depth, aliases, directives, cost), argument checks, rate limits, the request
 * context, and the mapping of every failure to a contract code. The transports (`use/http.ts`,
 * `use/ws.ts`) only adapt their protocol to these calls (issue 6, "the redesign").
 *
 * Order matters: every check that runs before {@link expandedSelectionSize} is linear in the
 * request; the checks after it may follow fragments, and run on a document already bounded.
 */
export class Admission {
  readonly validationRules: readonly ValidationRule[];
  private readonly allRules: readonly ValidationRule[];
  /**
   * Parsed documents (or their refusal) by query text, most recent last: clients repeat the same
   * few queries, and these checks depend on the text alone. Bounded, so it cannot grow with input.
   */
  private readonly documents = new Map<string, { document: DocumentNode } | Refused>();
  private readonly validated = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  /** Per document (Apollo's document store and {@link documents} keep each document one object). */
  private readonly argumentPlans = new WeakMap<DocumentNode, ArgumentCheckPlan>();
  private readonly costs = new WeakMap<DocumentNode, KnownCosts>();
  /** Texts of documents already paid for ({@link admitDocument}), at most DOCUMENT_CACHE_SIZE. */
  private readonly pricedDocuments = new Set<string>();

  constructor(private readonly options: AdmissionOptions) {
    this.validationRules = [
      ...documentLimitRules(options.limits, (message, reason) => refusal.badInput(message, { reason })),
      // On both transports: Apollo's own `introspection: false` covers HTTP only.
      ...(options.introspection === false ? [NoSchemaIntrospectionCustomRule] : []),
    ];
    this.allRules = [...specifiedRules, ...this.validationRules];
  }

  get schema(): GraphQLSchema {
    return this.options.schema;
  }

  /** Reports per-document work done outside admission (Apollo's parse and validation). */
  countWork(step: DocumentWorkStep): void {
    this.options.countWork?.(step);
  }

  /** The budgets operations draw on (exposed for shutdown and for fail-closed tests). */
  get rateLimits(): RateLimits {
    return this.options.rateLimits;
  }

  /**
   * The viewer a bearer header names, or null without one. A present but invalid, expired or
   * malformed token is refused (UNAUTHENTICATED), never treated as anonymous; so is a token whose
   * `sub` is the id of something other than a profile (no SQL once the profile is known here).
   */
  async authenticate(authorization: unknown): Promise<AuthenticatedViewer | null> {
    const token = bearerToken(authorization);
    if (!token) return null;
    let viewer: AuthenticatedViewer;
    try {
      viewer = viewerFromToken(await this.options.authenticator.verify(token), this.options.services.staff, this.options.maxStaffTokenLifetimeSeconds);
    } catch (error) {
      if (error instanceof AuthenticationError) throw refusal.unauthenticated(error.message);
      this.options.logger.error({ err: error }, 'verifying a bearer token failed');
      throw refusal.unauthenticated('Could not verify the bearer token');
    }
    // Forking an EntityManager is not free: only when the profile may still need creating.
    const { profiles } = this.options.services;
    if (!profiles.knowsProfile(viewer.profileId) && !(await profiles.ensureProfile(this.options.db.orm.em.fork(), viewer))) {
      // Ids are unambiguous across types (issue 15, item 9): a room's id signs in as nobody.
      throw refusal.unauthenticated('The bearer token\'s `sub` is not a profile id: it names another kind of object');
    }
    return viewer;
  }

  /** A fresh request context: its own EntityManager fork and DataLoaders. */
  createContext(viewer: AuthenticatedViewer | null, ip: string | null): GraphQLContext {
    const { db, services } = this.options;
    const context: GraphQLContext = {
      requestId: currentRequestId() ?? randomUUID(),
      viewer,
      clientIp: ip,
      sourceKey: this.options.sourceKeySecret ? networkSourceKey(ip, this.options.sourceKeySecret) : null,
      services,
      scope: new RequestScope(forkOf(db), viewer?.profileId ?? null),
      // `this`, not the closure: Apollo hands resolvers a shallow clone of the context object, so
      // renewing the original's scope would leave the clone's stale (issue 6, fault 12).
      renewScope(this: GraphQLContext) {
        this.scope = new RequestScope(forkOf(db), viewer?.profileId ?? null);
      },
    };
    return context;
  }

  /**
   * Checks on the raw request, before graphql-js sees any of it: types, nesting of variables and
   * extensions (iterative), persisted queries (not supported), then parsing under a token
   * budget, nested literals and the expanded selection size. Returns the parsed document.
   */
  parseRequest(request: RawRequest): { document: DocumentNode } | Refused {
    const { limits } = this.options;
    if (typeof request.query !== 'string' || request.query === '') {
      if (isRecord(request.extensions) && request.extensions['persistedQuery'] !== undefined) {
        return { errors: [refusal.badInput('Persisted queries are not supported: send the query text', { field: 'extensions.persistedQuery' })] };
      }
      return { errors: [refusal.badInput('The request has no query: send `query` as a string', { field: 'query' })] };
    }
    for (const [name, value] of [['variables', request.variables], ['extensions', request.extensions]] as const) {
      if (value !== undefined && value !== null && !isRecord(value)) {
        return { errors: [refusal.badInput(`${name} must be a JSON object`, { field: name })] };
      }
      const path = tooDeepValuePath(value, limits.maxInputDepth, name);
      if (path) {
        return { errors: [refusal.badInput(`${name} nest deeper than ${limits.maxInputDepth} levels (at ${path})`, { field: name, reason: 'INPUT_TOO_DEEP' })] };
      }
    }
    if (isRecord(request.extensions) && request.extensions['persistedQuery'] !== undefined) {
      return { errors: [refusal.badInput('Persisted queries are not supported: send the query text', { field: 'extensions.persistedQuery' })] };
    }
    if (request.operationName !== undefined && request.operationName !== null && typeof request.operationName !== 'string') {
      return { errors: [refusal.badInput('operationName must be a string', { field: 'operationName' })] };
    }
    const cached = this.documents.get(request.query);
    if (cached) {
      this.documents.delete(request.query);
      this.documents.set(request.query, cached);
      return cached;
    }
    this.options.countWork?.('parse');
    const checked = this.checkDocument(request.query);
    if (request.query.length <= DOCUMENT_CACHE_MAX_QUERY_LENGTH) {
      this.documents.set(request.query, checked);
      if (this.documents.size > DOCUMENT_CACHE_SIZE) this.documents.delete(this.documents.keys().next().value as string);
    }
    return checked;
  }

  /** The checks that depend on the query text alone: token budget, literals, expanded size. */
  private checkDocument(query: string): { document: DocumentNode } | Refused {
    const { limits } = this.options;
    let document: DocumentNode;
    try {
      document = parseWithTokenLimit(query, limits.maxTokens);
    } catch (error) {
      // A RangeError here is graphql's recursive-descent parser running out of stack on absurd
      // nesting (only possible with a raised QUERY_MAX_TOKENS): still the client's input.
      const message = error instanceof GraphQLError ? error.message : 'The query could not be parsed: it nests too deeply';
      const tooLong = /Token limit/.test(message);
      return {
        errors: [
          refusal.badInput(tooLong ? `The query has more than ${limits.maxTokens} tokens` : message, {
            reason: tooLong ? 'TOO_MANY_TOKENS' : 'GRAPHQL_PARSE_FAILED',
          }),
        ],
      };
    }
    if (hasTooDeepLiteral(document, limits.maxInputDepth)) {
      return { errors: [refusal.badInput(`A literal in the query nests deeper than ${limits.maxInputDepth} levels`, { reason: 'INPUT_TOO_DEEP' })] };
    }
    const expanded = expandedSelectionSize(document, limits.maxExpandedFields);
    if (expanded > limits.maxExpandedFields) {
      return {
        errors: [
          refusal.badInput(`The query selects more than ${limits.maxExpandedFields} fields once its fragments are expanded`, {
            reason: 'QUERY_TOO_LARGE',
          }),
        ],
      };
    }
    // graphql's OverlappingFieldsCanBeMerged compares same-name fields pairwise: refused here,
    // in one linear pass, before `validate` can spend quadratic time on it (issue 14, section 5).
    const comparisons = fieldMergeComparisons(document, limits.maxFieldMergeComparisons);
    if (comparisons > limits.maxFieldMergeComparisons) {
      return {
        errors: [
          refusal.badInput(
            `The query repeats fields under one response name too often: merging them needs more than ${limits.maxFieldMergeComparisons} field comparisons; select each field once`,
            { reason: 'TOO_MANY_FIELDS_TO_MERGE' },
          ),
        ],
      };
    }
    return { document };
  }

  /** graphql's validation with the document-limit rules; errors carry BAD_USER_INPUT. */
  validate(document: DocumentNode): readonly GraphQLError[] {
    const known = this.validated.get(document);
    if (known) return known;
    this.options.countWork?.('validate');
    const errors = validate(this.options.schema, document, this.allRules).map((error) => withRequestCode(error, 'GRAPHQL_VALIDATION_FAILED'));
    this.validated.set(document, errors);
    return errors;
  }

  /**
   * Checks on a parsed, valid operation with its variables and viewer: transport, cost,
   * arguments (so a mutation never commits and then fails on its selection), NUL characters,
   * sign-in for mutations, and the rate budgets. Returns the first refusal, or null.
   */
  async admitOperation(
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | null | undefined,
    client: AdmissionClient,
  ): Promise<GraphQLError | null> {
    const { schema, limits, rateLimits } = this.options;
    const operation = getOperationAST(document, operationName ?? undefined);
    if (!operation) return refusal.badInput('Name the operation to run with operationName', { field: 'operationName' });
    if (operation.operation === 'subscription' && client.transport === 'http') {
      return refusal.badInput(
        `Subscriptions are served over WebSocket: use a graphql-ws client (protocol graphql-transport-ws) at ${this.options.wsUrl()}`,
        { reason: 'SUBSCRIPTION_OVER_HTTP' },
      );
    }
    if (client.viewer?.expiresAt !== undefined && client.viewer.expiresAt <= Date.now()) {
      return refusal.unauthenticated('The bearer token has expired');
    }
    // Coerce the variables as execution will, so the checks below see typed values, and a
    // variable of the wrong type is refused here with graphql's own message. (Before the cost:
    // the cost of bad variables was never computed either — it threw, and this refused them.)
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
    if (coerced.errors) {
      const [first] = coerced.errors;
      return refusal.badInput(first?.message ?? 'The variables are not valid', { reason: 'BAD_VARIABLES' });
    }
    const cost = this.costOf(document, operationName, variables);
    if (cost > limits.maxCost) {
      return refusal.badInput(`Query cost ${cost} exceeds the limit of ${limits.maxCost}`, { reason: 'QUERY_TOO_COMPLEX' });
    }
    let plan = this.argumentPlans.get(document);
    if (!plan) {
      this.options.countWork?.('argument-plan');
      plan = argumentCheckPlan(schema, document);
      this.argumentPlans.set(document, plan);
    }
    const problem = findArgumentProblemIn(plan, coerced.coerced);
    if (problem) return refusal.badInput(problem.message, { field: problem.field });
    const nulError = nulCharacterError(document, variables);
    if (nulError) return nulError;
    if (operation.operation === 'mutation' && !client.viewer) {
      return refusal.unauthenticated('Sign in: mutations need a bearer token');
    }
    const points = this.priceOf(operation, cost);
    const decision = await rateLimits.consume(RateLimits.keyFor(client.viewer?.profileId ?? null, client.ip), {
      ...rootFieldCost(document, operation),
      points,
    });
    if (decision.allowed) this.options.countPoints?.(points, { transport: client.transport, price: 'operation', budget: client.viewer ? 'viewer' : 'address' });
    return this.refusalOf(decision, client.transport);
  }

  /**
   * What an operation costs the work budget (README "Budgets"): a subscribe operation
   * RATE_LIMIT_SUBSCRIBE_PRICE (its work is per event, not its selection), a query or mutation
   * its cost (at least 1). Documents are priced apart, before they are read: {@link admitDocument}.
   */
  private priceOf(operation: OperationDefinitionNode, cost: number): number {
    return operation.operation === 'subscription' ? this.options.limits.subscribePrice : Math.max(1, cost);
  }

  /**
   * Prices a document this instance has not parsed yet by its size, before any of it is read:
   * parsing, the document checks and graphql's validation are linear in its length once
   * {@link checkDocument}'s field-merge guard has refused the quadratic ones, so RATE_LIMIT_
   * DOCUMENT_POINTS_PER_KB per started KB is charged to `key`: the signed-in viewer's budget on
   * both transports (the HTTP preflight verifies the bearer token first), the address's only for
   * anonymous requests (`RateLimits.keyFor`). A document already cached costs nothing, so
   * clients sending the same operations pay once per instance.
   * Returns the refusal (RATE_LIMITED with retry-after), or null.
   */
  async admitDocument(request: RawRequest, key: string, transport: AdmissionClient['transport']): Promise<GraphQLError | null> {
    const query = request.query;
    if (typeof query !== 'string' || this.documents.has(query) || this.pricedDocuments.has(query)) return null;
    // Paid once, also when the same new document arrives many times before its first parse ends
    // (documents too long to cache are parsed, and paid for, every time).
    if (query.length <= DOCUMENT_CACHE_MAX_QUERY_LENGTH) {
      this.pricedDocuments.add(query);
      if (this.pricedDocuments.size > DOCUMENT_CACHE_SIZE) this.pricedDocuments.delete(this.pricedDocuments.values().next().value as string);
    }
    const points = Math.ceil(query.length / 1024) * this.options.limits.documentPointsPerKb;
    const decision = await this.options.rateLimits.consume(key, { mutations: 0, expensiveReads: 0, points });
    if (decision.allowed && points > 0) this.options.countPoints?.(points, { transport, price: 'document', budget: RateLimits.isViewerKey(key) ? 'viewer' : 'address' });
    return this.refusalOf(decision, transport);
  }

  private refusalOf(decision: RateLimitDecision, transport: AdmissionClient['transport']): GraphQLError | null {
    if (decision.allowed) return null;
    this.options.countRateLimited?.(transport);
    if (decision.failed) {
      this.options.logger.warn('the rate-limit store did not answer: refusing the operation');
      return refusal.rateLimited('The rate limit could not be checked: try again shortly', decision.retryAfterSeconds);
    }
    return refusal.rateLimited(`Too many requests: try again in ${decision.retryAfterSeconds} s`, decision.retryAfterSeconds);
  }

  /**
   * The operation's cost, computed once per document, operation and values of the variables the
   * cost can read ({@link costVariables}); every other variable (a room id) cannot change it.
   */
  private costOf(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): number {
    let known = this.costs.get(document);
    if (!known) {
      known = { variables: costVariables(this.options.schema, document), byKey: new Map() };
      this.costs.set(document, known);
    }
    // A variable left out (its default applies) and one sent as null are different keys.
    const key = JSON.stringify([operationName ?? null, ...known.variables.map((name) => (variables && Object.hasOwn(variables, name) ? [variables[name]] : []))]);
    const cached = known.byKey.get(key);
    if (cached !== undefined) return cached;
    this.options.countWork?.('cost');
    let cost: number;
    try {
      cost = operationCost(this.options.schema, document, operationName, variables);
    } catch (error) {
      // Variables were coerced before this; anything graphql still reports fails in execution.
      if (!(error instanceof GraphQLError)) throw error;
      cost = 0;
    }
    if (known.byKey.size >= COSTS_PER_DOCUMENT) known.byKey.clear();
    known.byKey.set(key, cost);
    return cost;
  }

  /**
   * The last step before an error leaves the server, on both transports: contract errors kept,
   * request errors mapped to BAD_USER_INPUT, schema hints removed, everything else masked and
   * logged (only unexpected errors reach the error log; client input never does).
   */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const result = formatApiError(formatted, error, (unexpected) =>
      this.options.logger.error({ err: unexpected }, 'unexpected error while resolving'),
    );
    // "Did you mean …?" names schema fields: kept only where GRAPHQL_SUGGESTIONS allows (development).
    return this.options.suggestions === true ? result : { ...result, message: maskSuggestions(result.message) };
  }
}

/**
 * How a request scope forks its EntityManager when it first reads (never before: a mutation's
 * first scope is renewed before any resolver runs). Always from the global EntityManager, never
 * from a transaction that happens to be open in the async context of the first read.
 */
function forkOf(db: Database): () => EntityManager {
  return () => db.orm.em.fork({ disableContextResolution: true });
}

type RootFieldCost = Omit<RateLimitCost, 'points'>;

/**
 * What an operation asks of the rate budgets: each root mutation field (aliases and fragment
 * spreads each count) and each expensive root read. Fragments are counted once each and
 * memoised, so the count is linear in the document.
 */
export function rootFieldCost(document: DocumentNode, operation: OperationDefinitionNode): RootFieldCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const memo = new Map<string, RootFieldCost>();
  const inProgress = new Set<string>();
  const countSet = (selectionSet: SelectionSetNode): RootFieldCost => {
    let mutations = 0;
    let expensiveReads = 0;
    for (const selection of selectionSet.selections) {
      let part: RootFieldCost;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        part = {
          mutations: operation.operation === 'mutation' ? 1 : 0,
          expensiveReads: operation.operation === 'query' && EXPENSIVE_READ_FIELDS.has(selection.name.value) ? 1 : 0,
        };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        part = countSet(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const known = memo.get(name);
        const fragment = fragments.get(name);
        if (known) part = known;
        else if (!fragment || inProgress.has(name)) continue;
        else {
          inProgress.add(name);
          part = countSet(fragment.selectionSet);
          inProgress.delete(name);
          memo.set(name, part);
        }
      }
      mutations += part.mutations;
      expensiveReads += part.expensiveReads;
    }
    return { mutations, expensiveReads };
  };
  return countSet(operation.selectionSet);
}
