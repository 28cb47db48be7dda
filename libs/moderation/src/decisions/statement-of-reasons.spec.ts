import { ReportCategory } from '../reports/report-category';
import { ModerationNoticeAction } from './decision.types';
import { CATEGORY_RULES, statementOfReasons } from './statement-of-reasons';

const base = {
  category: ReportCategory.HateSpeech,
  roomTitle: 'Hiring in fintech',
  staffNote: null,
  expiresAt: null,
};

describe('statementOfReasons', () => {
  it('explains an automatic mute: what, where, why, that it was automatic, and what happens next', () => {
    const text = statementOfReasons({ ...base, action: ModerationNoticeAction.AutoMutedPendingReview });
    expect(text).toContain('You were muted in the room "Hiring in fintech"');
    expect(text).toContain('Your role in the room did not change');
    expect(text).toContain(CATEGORY_RULES[ReportCategory.HateSpeech]);
    expect(text).toContain('This was done automatically');
    expect(text).toContain('you cannot unmute yourself in that room');
    expect(text).toContain('You can appeal this decision once');
  });

  it('explains a warning, a removal and a suspension with its end, each with the staff note', () => {
    const note = 'You repeated a slur after being asked to stop.';
    const warned = statementOfReasons({ ...base, action: ModerationNoticeAction.Warned, staffNote: `  ${note} ` });
    expect(warned).toContain('You received a warning for what happened in the room "Hiring in fintech"');
    expect(warned).toContain(`Staff note: ${note}`);
    const removed = statementOfReasons({ ...base, action: ModerationNoticeAction.RemovedFromRoom, staffNote: note });
    expect(removed).toContain('You were removed from the room "Hiring in fintech" and cannot join it again');
    const suspended = statementOfReasons({
      ...base,
      action: ModerationNoticeAction.Suspended,
      staffNote: note,
      expiresAt: new Date('2026-12-30T13:00:00Z'),
    });
    expect(suspended).toContain('Your account is suspended until 2026-12-30 13:00 UTC');
    expect(suspended).toContain('you can still read your notices and appeal');
    for (const text of [warned, removed, suspended]) {
      expect(text).toContain('our staff found');
      expect(text).toContain('You can appeal this decision once');
    }
  });

  it('reads well without a room or a note', () => {
    const text = statementOfReasons({ ...base, roomTitle: null, action: ModerationNoticeAction.Suspended });
    expect(text).toBe(
      'Your account is suspended: after reviewing reports, our staff found that you broke our rule against hate speech: attacking or demeaning people for who they are. ' +
        'While it is suspended you cannot join, speak in, create or report rooms; you can still read your notices and appeal. ' +
        'You can appeal this decision once, from this notice; a member of our staff will review it and answer.',
    );
    expect(statementOfReasons({ ...base, roomTitle: null, action: ModerationNoticeAction.RemovedFromRoom })).toContain('the room you were in');
    expect(statementOfReasons({ ...base, action: ModerationNoticeAction.Warned, staffNote: '   ' })).not.toContain('Staff note');
  });

  it('names the rule of every category in plain words, never the code', () => {
    for (const category of Object.values(ReportCategory)) {
      for (const action of Object.values(ModerationNoticeAction)) {
        const text = statementOfReasons({ ...base, category, action });
        expect(text).toContain(CATEGORY_RULES[category]);
        expect(text).not.toContain(category);
        expect(text).not.toContain(action);
      }
    }
  });
});
