export * from './errors/domain-error';
export * from './rooms/room.types';
export * from './rooms/room.commands';
export * from './rooms/room.events';
export * from './taxonomy/topics';
export * from './taxonomy/industries';
export * from './taxonomy/seniority';
export * from './taxonomy/skills';
