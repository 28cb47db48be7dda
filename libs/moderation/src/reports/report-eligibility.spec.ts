import { ModerationError, ModerationErrorCode } from '../errors/moderation-error';
import { ReportCategory } from './report-category';
import {
  checkReportEligibility,
  isInRoomForReporting,
  isReportableSubject,
  REPORT_SUBJECT_DEFAULT_LEFT_WITHIN_SECONDS,
  REPORT_DETAILS_MAX,
  REPORT_GRACE_AFTER_LEAVING_MS,
  type ReportContext,
  type ReportRequest,
} from './report-eligibility';

const now = new Date('2026-11-30T12:00:00Z');
const request: ReportRequest = {
  reporterId: 'p-reporter',
  roomId: 'r-1',
  reportedProfileId: 'p-speaker',
  category: ReportCategory.HateSpeech,
  details: '  said a slur at 11:58  ',
};
const inRoom: ReportContext = { reporterParticipation: { leftAt: null }, reporterOpenReportTargets: [] };

function errorOf(run: () => unknown): ModerationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ModerationError) return error;
    throw error;
  }
  throw new Error('expected a ModerationError');
}

describe('checkReportEligibility', () => {
  it('accepts a report from someone in the room and normalises it', () => {
    expect(checkReportEligibility(request, inRoom, now)).toEqual({
      reporterId: 'p-reporter',
      roomId: 'r-1',
      reportedProfileId: 'p-speaker',
      category: ReportCategory.HateSpeech,
      details: 'said a slur at 11:58',
      questionId: null,
      chatMessageId: null,
    });
  });

  it('turns blank or missing details into null', () => {
    for (const details of [undefined, null, '', '   ']) {
      expect(checkReportEligibility({ ...request, details }, inRoom, now).details).toBeNull();
    }
  });

  it('accepts a report about the room itself (no profile)', () => {
    expect(checkReportEligibility({ ...request, reportedProfileId: null }, inRoom, now).reportedProfileId).toBeNull();
  });

  it('refuses a self-report as invalid input on profileId', () => {
    const error = errorOf(() => checkReportEligibility({ ...request, reportedProfileId: 'p-reporter' }, inRoom, now));
    expect(error).toMatchObject({ code: ModerationErrorCode.InvalidInput, field: 'profileId' });
  });

  it('refuses an unknown category and over-long details, naming the field', () => {
    expect(errorOf(() => checkReportEligibility({ ...request, category: 'RUDE' }, inRoom, now))).toMatchObject({
      code: ModerationErrorCode.InvalidInput,
      field: 'category',
    });
    const long = 'x'.repeat(REPORT_DETAILS_MAX + 1);
    expect(errorOf(() => checkReportEligibility({ ...request, details: long }, inRoom, now))).toMatchObject({
      code: ModerationErrorCode.InvalidInput,
      field: 'details',
    });
    // Code points, not UTF-16 units: the limit in emoji is the same number.
    expect(checkReportEligibility({ ...request, details: '😀'.repeat(REPORT_DETAILS_MAX) }, inRoom, now).details).toHaveLength(
      REPORT_DETAILS_MAX * 2,
    );
  });

  it('refuses someone who never joined the room', () => {
    const context: ReportContext = { reporterParticipation: null, reporterOpenReportTargets: [] };
    expect(errorOf(() => checkReportEligibility(request, context, now)).code).toBe(ModerationErrorCode.NotInRoom);
  });

  it('accepts someone who left up to 15 minutes ago, and refuses them one millisecond later', () => {
    const leftAt = new Date(now.getTime() - REPORT_GRACE_AFTER_LEAVING_MS);
    const context: ReportContext = { reporterParticipation: { leftAt }, reporterOpenReportTargets: [] };
    expect(checkReportEligibility(request, context, now).reporterId).toBe('p-reporter');
    const later = new Date(now.getTime() + 1);
    expect(errorOf(() => checkReportEligibility(request, context, later)).code).toBe(ModerationErrorCode.NotInRoom);
    expect(REPORT_GRACE_AFTER_LEAVING_MS).toBe(15 * 60 * 1000);
  });

  it('refuses a second OPEN report on the same profile in the room, but not on another one', () => {
    const context: ReportContext = { reporterParticipation: { leftAt: null }, reporterOpenReportTargets: ['p-speaker', null] };
    expect(errorOf(() => checkReportEligibility(request, context, now)).code).toBe(ModerationErrorCode.DuplicateOpenReport);
    expect(errorOf(() => checkReportEligibility({ ...request, reportedProfileId: null }, context, now)).code).toBe(
      ModerationErrorCode.DuplicateOpenReport,
    );
    expect(checkReportEligibility({ ...request, reportedProfileId: 'p-other' }, context, now).reportedProfileId).toBe('p-other');
  });

  it('a report on a question is deduplicated per question, apart from reports on its asker', () => {
    const onQuestion = { ...request, questionId: 'q-1' };
    const context: ReportContext = { reporterParticipation: { leftAt: null }, reporterOpenReportTargets: ['p-speaker'], reporterOpenQuestionTargets: ['q-2'] };
    // An open report on the asker does not stop a report on their question (nor the reverse).
    expect(checkReportEligibility(onQuestion, context, now).questionId).toBe('q-1');
    expect(checkReportEligibility({ ...request, reportedProfileId: 'p-other' }, { ...context, reporterOpenQuestionTargets: ['q-1'] }, now).questionId).toBeNull();
    expect(errorOf(() => checkReportEligibility({ ...request, questionId: 'q-2' }, context, now)).code).toBe(ModerationErrorCode.DuplicateOpenReport);
  });

  it("refuses a report on the reporter's own question as invalid input on questionId", () => {
    const error = errorOf(() => checkReportEligibility({ ...request, reportedProfileId: 'p-reporter', questionId: 'q-1' }, inRoom, now));
    expect(error).toMatchObject({ code: ModerationErrorCode.InvalidInput, field: 'questionId' });
  });

  it('a report on a chat message is deduplicated per message, apart from reports on its author and on questions', () => {
    const context: ReportContext = {
      reporterParticipation: { leftAt: null },
      reporterOpenReportTargets: ['p-speaker'],
      reporterOpenQuestionTargets: ['m-1'],
      reporterOpenChatMessageTargets: ['m-2'],
    };
    // An open report on the author, or on another message of theirs, does not stop a report on this message.
    expect(checkReportEligibility({ ...request, chatMessageId: 'm-1' }, context, now)).toMatchObject({ chatMessageId: 'm-1', questionId: null });
    expect(errorOf(() => checkReportEligibility({ ...request, chatMessageId: 'm-2' }, context, now)).code).toBe(ModerationErrorCode.DuplicateOpenReport);
    // Nor does an open report on a message stop a report on its author.
    expect(checkReportEligibility({ ...request, reportedProfileId: 'p-other' }, context, now).chatMessageId).toBeNull();
  });

  it("refuses a report on the reporter's own message, and one naming a question and a message at once, as invalid input on chatMessageId", () => {
    const own = errorOf(() => checkReportEligibility({ ...request, reportedProfileId: 'p-reporter', chatMessageId: 'm-1' }, inRoom, now));
    expect(own).toMatchObject({ code: ModerationErrorCode.InvalidInput, field: 'chatMessageId' });
    const both = errorOf(() => checkReportEligibility({ ...request, questionId: 'q-1', chatMessageId: 'm-1' }, inRoom, now));
    expect(both).toMatchObject({ code: ModerationErrorCode.InvalidInput, field: 'chatMessageId' });
  });

  it('checks input before presence, and presence before duplicates', () => {
    const outsider: ReportContext = { reporterParticipation: null, reporterOpenReportTargets: ['p-reporter', 'p-speaker'] };
    expect(errorOf(() => checkReportEligibility({ ...request, reportedProfileId: 'p-reporter' }, outsider, now)).code).toBe(
      ModerationErrorCode.InvalidInput,
    );
    expect(errorOf(() => checkReportEligibility(request, outsider, now)).code).toBe(ModerationErrorCode.NotInRoom);
  });
});

describe('isInRoomForReporting', () => {
  it('is true while present, within the grace period, and false before joining', () => {
    expect(isInRoomForReporting({ leftAt: null }, now)).toBe(true);
    expect(isInRoomForReporting({ leftAt: new Date(now.getTime() - 60_000) }, now)).toBe(true);
    expect(isInRoomForReporting({ leftAt: new Date(now.getTime() - 16 * 60_000) }, now)).toBe(false);
    expect(isInRoomForReporting(null, now)).toBe(false);
  });
});

describe('kind: a report names someone outside the room', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const minutesAgo = (n: number) => new Date(now.getTime() - n * 60_000);

  it('given case: a profile never in the room (for instance before the victim arrives) is not reportable', () => {
    expect(isReportableSubject(null, now, REPORT_SUBJECT_DEFAULT_LEFT_WITHIN_SECONDS)).toBe(false);
  });

  it('variant: present now, or left within the window (boundary included) is reportable; left earlier is not', () => {
    expect(isReportableSubject({ leftAt: null }, now, 900)).toBe(true);
    expect(isReportableSubject({ leftAt: minutesAgo(15) }, now, 900)).toBe(true);
    expect(isReportableSubject({ leftAt: new Date(minutesAgo(15).getTime() - 1) }, now, 900)).toBe(false);
    expect(isReportableSubject({ leftAt: minutesAgo(1) }, now, 30)).toBe(false);
  });
});
