import { ApiError } from '../api/api-error';
import type { ReportCategory } from '../gql/graphql';
import { CATEGORY_LABELS, eventTypeLabel, logActionLabel, REPORT_CATEGORIES } from './moderation-labels';
import { reportErrorMessage } from './report-errors';

/** Every category the schema defines; a compile error here means the dialog misses a new one. */
const ALL_CATEGORIES: Record<ReportCategory, true> = { HARASSMENT: true, HATE_SPEECH: true, IMPERSONATION: true, OTHER: true, SEXUAL_CONTENT: true, SPAM: true, VIOLENCE: true };

describe('report categories', () => {
  it('offers every schema category once, each with words instead of the code', () => {
    expect(REPORT_CATEGORIES.map((category) => category.value).sort()).toEqual(Object.keys(ALL_CATEGORIES).sort());
    for (const category of REPORT_CATEGORIES) {
      expect(category.label).not.toMatch(/_|^[A-Z]+$/);
      expect(CATEGORY_LABELS[category.value]).toBe(category.label);
    }
  });
});

describe('labels for codes', () => {
  it('reads event type names as words', () => {
    expect(eventTypeLabel('HandRaised')).toBe('Hand raised');
    expect(eventTypeLabel('StageInvitationDeclined')).toBe('Stage invitation declined');
  });

  it('reads audit log actions as words, known ones with their decision label', () => {
    expect(logActionLabel('SUSPEND')).toBe('Suspend the account');
    expect(logActionLabel('appeal.reversed')).toBe('Appeal reversed');
    expect(logActionLabel('AUTO_MUTE')).toBe('Auto mute');
  });
});

describe('reportErrorMessage', () => {
  it('explains each refusal in words, never the code', () => {
    const cases: [ApiError, RegExp][] = [
      [new ApiError('CONFLICT', 'already reported'), /already reported this person/],
      [new ApiError('RATE_LIMITED', 'slow down', {}, 42.2), /wait a little.*in 43 s/],
      [new ApiError('RATE_LIMITED', 'slow down'), /wait a little and try again\.$/],
      [new ApiError('BAD_USER_INPUT', 'bad', { details: 'details must be at most 1000 characters' }), /at most 1000 characters/],
      [new ApiError('NOT_FOUND', 'gone'), /no longer here/],
      [new ApiError('FORBIDDEN', 'no'), /cannot report/],
      [ApiError.network('down'), /cannot be reached/],
    ];
    for (const [error, expected] of cases) {
      const message = reportErrorMessage(error);
      expect(message).toMatch(expected);
      expect(message).not.toMatch(/CONFLICT|RATE_LIMITED|BAD_USER_INPUT|NOT_FOUND|FORBIDDEN|NETWORK_ERROR/);
    }
  });

  it('a report about a question speaks of the question, not a person', () => {
    expect(reportErrorMessage(new ApiError('CONFLICT', 'already reported'), 'question')).toMatch(/already reported this question/);
    expect(reportErrorMessage(new ApiError('NOT_FOUND', 'gone'), 'question')).toMatch(/This question is no longer here/);
  });
});
