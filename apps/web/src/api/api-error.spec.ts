import { CombinedError } from '@urql/core';
import { CloseCode } from 'graphql-ws';

import { ApiError, ERROR_TITLES, errorFromCombined, toastForError } from './api-error';

describe('ApiError.fromGraphQLErrors', () => {
  it('takes the code of the first error and collects field messages', () => {
    const error = ApiError.fromGraphQLErrors([
      { message: 'Title is required', extensions: { code: 'BAD_USER_INPUT', field: 'title' } },
      { message: 'Unknown topic: x', extensions: { code: 'BAD_USER_INPUT', field: 'topics' } },
    ]);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fieldErrors).toEqual({ title: 'Title is required', topics: 'Unknown topic: x' });
  });

  it('treats an unknown or missing code as an internal error', () => {
    expect(ApiError.fromGraphQLErrors([{ message: 'boom', extensions: { code: 'WHATEVER' } }]).code).toBe('INTERNAL_SERVER_ERROR');
    expect(ApiError.fromGraphQLErrors([{ message: 'boom' }]).code).toBe('INTERNAL_SERVER_ERROR');
  });
});

// Bug 9 (kind: raw error codes reach the screen): every code maps to plain words.
describe('toastForError: human messages, never codes', () => {
  const codes = Object.keys(ERROR_TITLES) as (keyof typeof ERROR_TITLES)[];

  it.each(codes)('%s reads as a sentence without the code', (code) => {
    const toast = toastForError(new ApiError(code, 'x'));
    expect(toast.title).toBe(ERROR_TITLES[code]);
    expect(`${toast.title} ${toast.detail}`).not.toMatch(/[A-Z]{4,}_[A-Z_]+|UNAUTHENTICATED|FORBIDDEN|CONFLICT/);
  });

  it('keeps the server sentence for a conflict, drops it for internal errors', () => {
    expect(toastForError(new ApiError('CONFLICT', 'The stage is full'))).toMatchObject({ detail: 'The stage is full' });
    expect(toastForError(new ApiError('INTERNAL_SERVER_ERROR', 'TypeError at x.js:1'))).toMatchObject({ detail: '' });
    expect(toastForError(new TypeError('x is undefined'))).toMatchObject({ detail: '', code: 'INTERNAL_SERVER_ERROR' });
  });

  it('tells how long to wait when rate limited (variant)', () => {
    expect(toastForError(new ApiError('RATE_LIMITED', 'Too many requests', {}, 2.2)).detail).toBe('Try again in 3 s.');
  });
});

describe('errorFromCombined', () => {
  it('reads GraphQL errors', () => {
    const combined = new CombinedError({ graphQLErrors: [{ message: 'No such room', extensions: { code: 'NOT_FOUND' } }] });
    expect(errorFromCombined(combined).code).toBe('NOT_FOUND');
  });

  it('maps the Unauthorized close code to UNAUTHENTICATED and other failures to a network error', () => {
    const refused = Object.assign(new Error('closed'), { code: CloseCode.Unauthorized });
    expect(errorFromCombined(new CombinedError({ networkError: refused })).code).toBe('UNAUTHENTICATED');
    expect(errorFromCombined(new CombinedError({ networkError: new Error('Failed to fetch') })).code).toBe('NETWORK_ERROR');
  });
});
