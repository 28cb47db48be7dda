/**
 * Test support for code that talks to the media server: the LiveKit double, LiveKit-signed
 * webhooks and token verification. Import from `@roundtable/audio/testing` in tests only; the
 * production build of `libs/audio` does not contain this folder.
 */
export * from './livekit-double';
export * from './webhook-signer';
export { ParticipantInfo_Kind } from '@livekit/protocol';
