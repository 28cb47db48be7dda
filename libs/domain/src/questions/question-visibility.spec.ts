import fc from 'fast-check';

import { ParticipantRole } from '../rooms/room.types';
import { QuestionStatus } from './question-queue';
import { PUBLIC_QUESTION_STATUSES, questionViewerOf, questionVisibleTo, type QuestionVisibilityFacts } from './question-visibility';

const listener = { profileId: 'lee', moderates: false };
const moderator = { profileId: 'mo', moderates: true };
const asked = (status: QuestionStatus, askerId = 'ann', mergedInto: QuestionVisibilityFacts['mergedInto'] = null): QuestionVisibilityFacts => ({
  askerId,
  status,
  mergedInto,
});

describe('questionVisibleTo', () => {
  it('a listener sees OPEN, ANSWERING and ANSWERED questions of others, not PENDING or CLOSED ones', () => {
    const seen = Object.values(QuestionStatus).filter((status) => questionVisibleTo(asked(status), listener));
    expect(seen).toEqual([QuestionStatus.Open, QuestionStatus.Answering, QuestionStatus.Answered]);
  });

  it('the asker sees their own question in every status; an anonymous visitor only the public ones', () => {
    for (const status of Object.values(QuestionStatus)) {
      expect(questionVisibleTo(asked(status, 'lee'), listener)).toBe(true);
      expect(questionVisibleTo(asked(status), { profileId: null, moderates: false })).toBe(PUBLIC_QUESTION_STATUSES.has(status));
    }
  });

  it('a merged duplicate is seen with the question it was merged into, and not when that one is hidden', () => {
    expect(questionVisibleTo(asked(QuestionStatus.Closed, 'ann', { askerId: 'bo', status: QuestionStatus.Open }), listener)).toBe(true);
    expect(questionVisibleTo(asked(QuestionStatus.Closed, 'ann', { askerId: 'bo', status: QuestionStatus.Pending }), listener)).toBe(false);
    expect(questionVisibleTo(asked(QuestionStatus.Closed, 'ann', { askerId: 'lee', status: QuestionStatus.Pending }), listener)).toBe(true);
  });

  it('the host (in the room or not) and moderators moderate; speakers and listeners do not', () => {
    expect(questionViewerOf('h', { isHost: true, role: null }).moderates).toBe(true);
    expect(questionViewerOf('m', { isHost: false, role: ParticipantRole.Moderator }).moderates).toBe(true);
    expect(questionViewerOf('s', { isHost: false, role: ParticipantRole.Speaker }).moderates).toBe(false);
    expect(questionViewerOf('l', { isHost: false, role: ParticipantRole.Listener }).moderates).toBe(false);
    expect(questionViewerOf('x', { isHost: false, role: null })).toEqual({ profileId: 'x', moderates: false });
  });

  it('property: host and moderators see every question; a viewer sees no more than a moderator', () => {
    const status = fc.constantFrom(...Object.values(QuestionStatus));
    const facts = fc.record({
      askerId: fc.constantFrom('ann', 'lee', 'mo'),
      status,
      mergedInto: fc.option(fc.record({ askerId: fc.constantFrom('ann', 'lee'), status })),
    });
    fc.assert(
      fc.property(facts, fc.constantFrom('ann', 'lee', null), (question, profileId) => {
        expect(questionVisibleTo(question, moderator)).toBe(true);
        if (questionVisibleTo(question, { profileId, moderates: false })) expect(questionVisibleTo(question, { profileId, moderates: true })).toBe(true);
      }),
    );
  });
});
