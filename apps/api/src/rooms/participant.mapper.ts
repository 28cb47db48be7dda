import type { ParticipantState } from '@roundtable/domain';

import type { ParticipantEntity } from './room.entity';

/** The participant columns the room rules own: everything but ids, `connected` and `leftAt`. */
export type ParticipantRuleColumns = Pick<
  ParticipantEntity,
  'profileId' | 'role' | 'joinedAt' | 'stageSince' | 'handRaisedAt' | 'handRaiseQuestion' | 'invitedToStageAt' | 'muted'
>;

/** Row → the rules' participant state. The one mapping in this direction. */
export function toParticipantState(row: ParticipantRuleColumns): ParticipantState {
  return {
    profileId: row.profileId,
    role: row.role,
    joinedAt: row.joinedAt,
    stageSince: row.stageSince,
    handRaisedAt: row.handRaisedAt,
    handRaiseQuestion: row.handRaiseQuestion,
    invitedToStageAt: row.invitedToStageAt,
    muted: row.muted,
  };
}

/** The rules' participant state → the row's rule columns. The one mapping in this direction. */
export function participantColumns(state: ParticipantState): ParticipantRuleColumns {
  return {
    profileId: state.profileId,
    role: state.role,
    joinedAt: state.joinedAt,
    stageSince: state.stageSince,
    handRaisedAt: state.handRaisedAt,
    handRaiseQuestion: state.handRaiseQuestion,
    invitedToStageAt: state.invitedToStageAt,
    muted: state.muted,
  };
}
