import { isValidProfileId } from '../auth/authenticator';
import { DomainError } from '@roundtable/domain';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** Validates a room/group/report id before it reaches SQL. */
export function parseUuid(value: string, field: string): string {
  if (!isUuid(value)) throw DomainError.invalidInput(field, `${field} is not a valid id`);
  return value.toLowerCase();
}

export function parseProfileId(value: string, field: string): string {
  if (!isValidProfileId(value)) throw DomainError.invalidInput(field, `${field} is not a valid profile id`);
  return value;
}
