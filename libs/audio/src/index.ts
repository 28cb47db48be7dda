export * from './media-control';
export * from './media-control.error';
export * from './media-participant';
export * from './media-permissions';
export * from './media-plan';
export * from './media-call-executor';
export {
  DEFAULT_AUDIO_TOKEN_TTL_SECONDS,
  DEFAULT_LIVEKIT_REQUEST_TIMEOUT_SECONDS,
  LIVEKIT_DEV_API_KEY,
  LIVEKIT_DEV_API_SECRET,
  LiveKitMediaControl,
  /** @deprecated the earlier name of `LiveKitMediaControl`. */
  LiveKitMediaControl as LiveKitAudioGateway,
  type LiveKitSettings,
  MAX_AUDIO_TOKEN_TTL_SECONDS,
  isLiveKitDevelopmentKeyPair,
} from './livekit-media-control';
