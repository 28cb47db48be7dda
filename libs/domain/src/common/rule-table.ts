/**
 * The evaluator every access table shares (rooms, groups, staff): an operation's row is an
 * ordered list of named rules; the first rule that does not hold refuses, with its code. Pure.
 */

/** One named rule: when it holds for a relation, and the code it refuses with. */
export interface RuleDefinition<Relation, Code> {
  holds(relation: Relation): boolean;
  refusal(relation: Relation): Code;
}

/** A table's answer: allowed, or the first rule of the row that failed, with its code. */
export type RuleDecision<Rule, Code> = { readonly allowed: true } | { readonly allowed: false; readonly rule: Rule; readonly code: Code };

const ALLOWED = { allowed: true } as const;

/**
 * Checks `row`'s rules in order against `relation` and returns the first refusal, or allowed.
 * `include` skips rules (a table asked for its standing or position rules alone).
 */
export function firstRefusal<Rule extends string, Relation, Code>(
  row: readonly Rule[],
  definitionOf: (rule: Rule) => RuleDefinition<Relation, Code>,
  relation: Relation,
  include: (rule: Rule) => boolean = () => true,
): RuleDecision<Rule, Code> {
  for (const rule of row) {
    if (!include(rule)) continue;
    const definition = definitionOf(rule);
    if (!definition.holds(relation)) return { allowed: false, rule, code: definition.refusal(relation) };
  }
  return ALLOWED;
}
