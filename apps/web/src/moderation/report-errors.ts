import { ApiError, toastForError } from '../api/api-error';

/** What a failed report means to the person sending it, in words (never a code). */
export function reportErrorMessage(error: unknown, subject: 'person' | 'question' | 'message' = 'person'): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'CONFLICT':
        return subject === 'person'
          ? 'You have already reported this person in this room. Trust and safety staff will review it.'
          : `You have already reported this ${subject}. Trust and safety staff will review it.`;
      case 'RATE_LIMITED':
        return `You have sent a lot of reports in a short time. Please wait a little and try again${error.retryAfterSeconds !== null ? ` (in ${Math.ceil(error.retryAfterSeconds)} s)` : ''}.`;
      case 'BAD_USER_INPUT':
        return error.fieldErrors['details'] ?? error.fieldErrors['category'] ?? error.message;
      case 'NOT_FOUND':
        return subject === 'person'
          ? 'This person or room is no longer here, so the report could not be sent.'
          : `This ${subject} is no longer here, so the report could not be sent.`;
      case 'FORBIDDEN':
        return 'You cannot report in this room right now.';
      default:
        break;
    }
  }
  return toastForError(error).title;
}
