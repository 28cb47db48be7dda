import { ParticipantRole, RoomStatus, RoomVisibility, Seniority } from '@roundtable/domain';
import { registerEnumType } from 'type-graphql';

/**
 * The domain's string enums as GraphQL enums. type-graphql names enum values after the object's
 * keys, and the contract's names are the UPPER_CASE values (`LIVE`, not `Live`), so each GraphQL
 * enum is the domain enum re-keyed by its values: resolvers use the domain types unchanged.
 */
export function graphqlEnum<E extends Record<string, string>>(
  domainEnum: E,
  name: string,
  descriptions: Partial<Record<E[keyof E], string>> = {},
): { [V in E[keyof E]]: V } {
  const values = Object.fromEntries(Object.values(domainEnum).map((value) => [value, value])) as { [V in E[keyof E]]: V };
  const valuesConfig = Object.fromEntries(
    Object.entries(descriptions).map(([value, description]) => [value, { description: description as string }]),
  ) as Partial<Record<E[keyof E], { description: string }>>;
  registerEnumType(values, { name, valuesConfig });
  return values;
}

export const RoomStatusGql = graphqlEnum(RoomStatus, 'RoomStatus');
export const RoomVisibilityGql = graphqlEnum(RoomVisibility, 'RoomVisibility', {
  [RoomVisibility.Public]: 'Anyone signed in may find and join it.',
  [RoomVisibility.Group]: "Only members of the room's group may find and join it.",
  [RoomVisibility.Private]: "Only the host's invitees (for example the members of a chat) may find and join it.",
});
export const ParticipantRoleGql = graphqlEnum(ParticipantRole, 'ParticipantRole');
export const SeniorityGql = graphqlEnum(Seniority, 'Seniority');
