import { isSeniority, type Seniority } from '@roundtable/domain';

import type { RankCandidate, RankHistoryEntry, RankPerson, RankRequest, RankViewer } from './rank-types';

/** Result of {@link parseRankRequest}. */
export type RankRequestParseResult =
  | { readonly ok: true; readonly request: RankRequest }
  | { readonly ok: false; readonly error: string };

/** Thrown inside the parser with the JSON path of the first bad field. */
class InvalidField extends Error {}

/**
 * Validates an untrusted JSON body as a {@link RankRequest}. Unknown fields are dropped so
 * what the pipeline sees is exactly the typed shape; the first problem is reported with its path.
 */
export function parseRankRequest(body: unknown, maxCandidates = Number.POSITIVE_INFINITY): RankRequestParseResult {
  try {
    const root = object(body, '$');
    const candidates = array(root['candidates'], '$.candidates');
    if (candidates.length > maxCandidates) {
      return { ok: false, error: `$.candidates has ${candidates.length} items; at most ${maxCandidates} allowed` };
    }
    const now = string(root['now'], '$.now');
    if (!Number.isFinite(Date.parse(now))) throw new InvalidField('$.now must be an ISO timestamp');
    const limit = root['limit'];
    if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0)) {
      throw new InvalidField('$.limit must be a non-negative integer');
    }
    const requestId = root['requestId'];
    if (requestId !== undefined && typeof requestId !== 'string') throw new InvalidField('$.requestId must be a string');
    const request: RankRequest = {
      viewer: viewer(root['viewer'], '$.viewer'),
      candidates: candidates.map((value, index) => candidate(value, `$.candidates[${index}]`)),
      now,
      ...(limit !== undefined ? { limit } : {}),
      ...(requestId !== undefined ? { requestId } : {}),
    };
    return { ok: true, request };
  } catch (error) {
    if (error instanceof InvalidField) return { ok: false, error: error.message };
    throw error;
  }
}

function viewer(value: unknown, path: string): RankViewer {
  const v = object(value, path);
  return {
    id: string(v['id'], `${path}.id`),
    skills: strings(v['skills'], `${path}.skills`),
    interests: strings(v['interests'], `${path}.interests`),
    industry: nullableString(v['industry'], `${path}.industry`),
    seniority: seniority(v['seniority'], `${path}.seniority`),
    followingIds: strings(v['followingIds'], `${path}.followingIds`),
    groupIds: strings(v['groupIds'], `${path}.groupIds`),
    history: array(v['history'], `${path}.history`).map((entry, index) => history(entry, `${path}.history[${index}]`)),
  };
}

function history(value: unknown, path: string): RankHistoryEntry {
  const h = object(value, path);
  return {
    topicSlug: string(h['topicSlug'], `${path}.topicSlug`),
    seconds: number(h['seconds'], `${path}.seconds`),
    joins: number(h['joins'], `${path}.joins`),
  };
}

function candidate(value: unknown, path: string): RankCandidate {
  const c = object(value, path);
  const status = c['status'];
  if (status !== 'LIVE' && status !== 'SCHEDULED') throw new InvalidField(`${path}.status must be LIVE or SCHEDULED`);
  const followedListenerIds = c['followedListenerIds'];
  const followedListenerNames = c['followedListenerNames'];
  return {
    id: string(c['id'], `${path}.id`),
    title: string(c['title'], `${path}.title`),
    topics: strings(c['topics'], `${path}.topics`),
    status,
    startedAt: nullableString(c['startedAt'], `${path}.startedAt`),
    scheduledFor: nullableString(c['scheduledFor'], `${path}.scheduledFor`),
    groupId: nullableString(c['groupId'], `${path}.groupId`),
    groupName: nullableString(c['groupName'], `${path}.groupName`),
    host: person(c['host'], `${path}.host`),
    stage: array(c['stage'], `${path}.stage`).map((entry, index) => person(entry, `${path}.stage[${index}]`)),
    listenerCount: number(c['listenerCount'], `${path}.listenerCount`),
    ...(followedListenerIds !== undefined
      ? { followedListenerIds: strings(followedListenerIds, `${path}.followedListenerIds`) }
      : {}),
    ...(followedListenerNames !== undefined
      ? { followedListenerNames: strings(followedListenerNames, `${path}.followedListenerNames`) }
      : {}),
  };
}

function person(value: unknown, path: string): RankPerson {
  const p = object(value, path);
  return {
    id: string(p['id'], `${path}.id`),
    displayName: string(p['displayName'], `${path}.displayName`),
    skills: strings(p['skills'], `${path}.skills`),
    industry: nullableString(p['industry'], `${path}.industry`),
    seniority: seniority(p['seniority'], `${path}.seniority`),
    followerCount: number(p['followerCount'], `${path}.followerCount`),
  };
}

function object(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidField(`${path} must be an object`);
  return value as Record<string, unknown>;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new InvalidField(`${path} must be an array`);
  return value;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new InvalidField(`${path} must be a string`);
  return value;
}

function nullableString(value: unknown, path: string): string | null {
  return value === null || value === undefined ? null : string(value, path);
}

function strings(value: unknown, path: string): string[] {
  return array(value, path).map((item, index) => string(item, `${path}[${index}]`));
}

function number(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InvalidField(`${path} must be a finite number`);
  return value;
}

function seniority(value: unknown, path: string): Seniority | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || !isSeniority(value)) throw new InvalidField(`${path} must be a Seniority or null`);
  return value;
}
