export * from './audio-gateway';
export * from './livekit-audio-gateway';
