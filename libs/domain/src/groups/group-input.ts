import { optionalText, requiredText } from '../common/validation';

export const GROUP_LIMITS = {
  nameMin: 1,
  nameMax: 80,
  descriptionMax: 1000,
} as const;

/** The contract's CreateGroupInput. */
export interface GroupInput {
  name: string;
  description?: string | null;
}

/** A validated group: name trimmed, description trimmed with blank → null. */
export interface ValidGroupInput {
  readonly name: string;
  readonly description: string | null;
}

/**
 * Validates a new group; throws `InvalidInput` with field `name` (trimmed, 1–80 characters)
 * or `description` (at most 1000 characters).
 */
export function validateGroupInput(input: GroupInput): ValidGroupInput {
  return {
    name: requiredText('name', input.name, GROUP_LIMITS.nameMin, GROUP_LIMITS.nameMax),
    description: optionalText('description', input.description, GROUP_LIMITS.descriptionMax),
  };
}
