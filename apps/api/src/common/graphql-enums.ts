import { registerEnumType } from 'type-graphql';

// GraphQL enum value names are the contract's UPPER_CASE names; the values equal the domain's
// string enums, so converting between the two is a type-level cast.

export enum RoomStatusGql {
  SCHEDULED = 'SCHEDULED',
  LIVE = 'LIVE',
  ENDED = 'ENDED',
}

export enum RoomVisibilityGql {
  PUBLIC = 'PUBLIC',
  GROUP = 'GROUP',
  PRIVATE = 'PRIVATE',
}

export enum ParticipantRoleGql {
  HOST = 'HOST',
  MODERATOR = 'MODERATOR',
  SPEAKER = 'SPEAKER',
  LISTENER = 'LISTENER',
}

export enum SeniorityGql {
  ENTRY = 'ENTRY',
  MID = 'MID',
  SENIOR = 'SENIOR',
  LEAD = 'LEAD',
  MANAGER = 'MANAGER',
  DIRECTOR = 'DIRECTOR',
  EXECUTIVE = 'EXECUTIVE',
}

registerEnumType(RoomStatusGql, { name: 'RoomStatus' });
registerEnumType(RoomVisibilityGql, {
  name: 'RoomVisibility',
  valuesConfig: {
    PUBLIC: { description: 'Anyone signed in may find and join it.' },
    GROUP: { description: "Only members of the room's group may find and join it." },
    PRIVATE: { description: "Only the host's invitees (for example the members of a chat) may find and join it." },
  },
});
registerEnumType(ParticipantRoleGql, { name: 'ParticipantRole' });
registerEnumType(SeniorityGql, { name: 'Seniority' });
