import { ApiError, errorFromSubscription, toastForError } from './api-error';

describe('ApiError.fromGraphQLErrors', () => {
  it('takes the code of the first error and collects field messages', () => {
    const error = ApiError.fromGraphQLErrors([
      { message: 'Title is required', extensions: { code: 'BAD_USER_INPUT', field: 'title' } },
      { message: 'Unknown topic: x', extensions: { code: 'BAD_USER_INPUT', field: 'topics' } },
    ]);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('Title is required');
    expect(error.fieldErrors).toEqual({ title: 'Title is required', topics: 'Unknown topic: x' });
  });

  it('treats an unknown or missing code as an internal error', () => {
    expect(ApiError.fromGraphQLErrors([{ message: 'boom', extensions: { code: 'WHATEVER' } }]).code).toBe('INTERNAL_SERVER_ERROR');
    expect(ApiError.fromGraphQLErrors([{ message: 'boom' }]).code).toBe('INTERNAL_SERVER_ERROR');
  });
});

describe('toastForError', () => {
  it('shows the code, a plain title and the server message', () => {
    expect(toastForError(new ApiError('CONFLICT', 'The stage is full'))).toEqual({
      code: 'CONFLICT',
      title: 'The room changed and does not allow that now.',
      message: 'The stage is full',
    });
  });

  it('formats anything else as an internal error', () => {
    expect(toastForError(new TypeError('x is undefined'))).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', message: 'x is undefined' });
    expect(toastForError('odd')).toMatchObject({ message: 'odd' });
  });
});

describe('errorFromSubscription', () => {
  it('reads GraphQL error arrays', () => {
    expect(errorFromSubscription([{ message: 'No such room', extensions: { code: 'NOT_FOUND' } }]).code).toBe('NOT_FOUND');
  });

  it('maps close code 4401 to UNAUTHENTICATED and other closes to a network error', () => {
    expect(errorFromSubscription({ code: 4401, reason: 'Unauthorized' }).code).toBe('UNAUTHENTICATED');
    const closed = errorFromSubscription({ code: 1006, reason: '' });
    expect(closed.code).toBe('NETWORK_ERROR');
    expect(closed.message).toContain('1006');
  });
});
