import { dedupeBy, optionalText, requiredText } from '../common/validation';
import { textLength } from '../common/text';
import { DomainError } from '../errors/domain-error';
import { findIndustry } from '../taxonomy/industries';
import { isSeniority, type Seniority } from '../taxonomy/seniority';
import { normalizeSkill, skillKey } from '../taxonomy/skills';
import { isTopicSlug } from '../taxonomy/topics';

export const PROFILE_LIMITS = {
  displayNameMin: 1,
  displayNameMax: 80,
  headlineMax: 160,
  companyMax: 120,
  avatarUrlMax: 2048,
  skillsMax: 50,
  skillMax: 60,
  interestsMax: 20,
} as const;

/**
 * The contract's UpdateProfileInput. A missing (undefined) field is left unchanged. `null`
 * clears the optional fields (headline, company, industry, seniority, avatarUrl); for fields
 * the profile always has (displayName, skills, interests) `null` also means "unchanged",
 * because GraphQL clients send null for fields they leave out. Send `[]` to clear a list.
 */
export interface ProfileUpdateInput {
  displayName?: string | null;
  headline?: string | null;
  company?: string | null;
  /** An industry slug or display name, in any case. */
  industry?: string | null;
  /** A {@link Seniority} value; plain strings are accepted and checked. */
  seniority?: string | null;
  avatarUrl?: string | null;
  skills?: readonly string[] | null;
  /** Topic slugs. */
  interests?: readonly string[] | null;
}

/** The validated changes: only the fields to write are present. */
export interface ProfileUpdate {
  displayName?: string;
  headline?: string | null;
  company?: string | null;
  /** Always an industry SLUG (stable across renames), even when the input gave the name. */
  industry?: string | null;
  seniority?: Seniority | null;
  avatarUrl?: string | null;
  /** Canonical casing (see `normalizeSkill`), deduplicated case-insensitively, input order. */
  skills?: string[];
  /** Topic slugs, deduplicated, input order. */
  interests?: string[];
}

/**
 * Validates and normalises a profile update; throws `InvalidInput` whose field is the input
 * field's name. Blank optional text becomes null.
 */
export function validateProfileUpdate(input: ProfileUpdateInput): ProfileUpdate {
  const update: ProfileUpdate = {};
  if (input.displayName !== undefined && input.displayName !== null) {
    update.displayName = requiredText(
      'displayName',
      input.displayName,
      PROFILE_LIMITS.displayNameMin,
      PROFILE_LIMITS.displayNameMax,
    );
  }
  if (input.headline !== undefined) update.headline = optionalText('headline', input.headline, PROFILE_LIMITS.headlineMax);
  if (input.company !== undefined) update.company = optionalText('company', input.company, PROFILE_LIMITS.companyMax);
  if (input.industry !== undefined) update.industry = validateIndustry(input.industry);
  if (input.seniority !== undefined) update.seniority = validateSeniority(input.seniority);
  if (input.avatarUrl !== undefined) update.avatarUrl = validateAvatarUrl(input.avatarUrl);
  if (input.skills !== undefined && input.skills !== null) update.skills = validateSkills(input.skills);
  if (input.interests !== undefined && input.interests !== null) update.interests = validateInterests(input.interests);
  return update;
}

function validateIndustry(raw: string | null): string | null {
  if (raw === null || raw.trim() === '') return null;
  const industry = findIndustry(raw);
  if (industry === undefined) throw DomainError.invalidInput('industry', `Unknown industry: ${raw.trim()}`);
  return industry.slug;
}

function validateSeniority(raw: string | null): Seniority | null {
  if (raw === null) return null;
  if (!isSeniority(raw)) throw DomainError.invalidInput('seniority', `Unknown seniority: ${raw}`);
  return raw;
}

function validateAvatarUrl(raw: string | null): string | null {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  if (text.length > PROFILE_LIMITS.avatarUrlMax) {
    throw DomainError.invalidInput('avatarUrl', `avatarUrl must be at most ${PROFILE_LIMITS.avatarUrlMax} characters`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw DomainError.invalidInput('avatarUrl', 'avatarUrl must be a valid URL');
  }
  // Other schemes (javascript:, data:, file:) would let a profile run or read things in clients.
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw DomainError.invalidInput('avatarUrl', 'avatarUrl must be an http or https URL');
  }
  return text;
}

function validateSkills(raw: readonly string[]): string[] {
  const skills = dedupeBy(
    raw.map((skill) => {
      const normalized = normalizeSkill(skill);
      const length = textLength(normalized);
      if (length < 1 || length > PROFILE_LIMITS.skillMax) {
        throw DomainError.invalidInput('skills', `Each skill must be 1 to ${PROFILE_LIMITS.skillMax} characters`);
      }
      return normalized;
    }),
    skillKey,
  );
  if (skills.length > PROFILE_LIMITS.skillsMax) {
    throw DomainError.invalidInput('skills', `A profile can list at most ${PROFILE_LIMITS.skillsMax} skills`);
  }
  return skills;
}

function validateInterests(raw: readonly string[]): string[] {
  const interests = dedupeBy(
    raw.map((slug) => slug.trim()),
    (slug) => slug,
  );
  if (interests.length > PROFILE_LIMITS.interestsMax) {
    throw DomainError.invalidInput('interests', `A profile can follow at most ${PROFILE_LIMITS.interestsMax} topics`);
  }
  const unknown = interests.find((slug) => !isTopicSlug(slug));
  if (unknown !== undefined) throw DomainError.invalidInput('interests', `Unknown topic: ${unknown}`);
  return interests;
}
