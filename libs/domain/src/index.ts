export * from './errors/domain-error';
export * from './rooms/room.types';
export * from './rooms/room.commands';
export * from './rooms/room.events';
