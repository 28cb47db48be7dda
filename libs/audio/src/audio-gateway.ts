/** What a client needs to connect to a room's audio on the media server. */
export interface AudioAccess {
  /** WebSocket URL of the media server. */
  readonly serverUrl: string;
  /** Short-lived media access token whose grants match the participant's role. */
  readonly token: string;
  readonly expiresAt: Date;
  readonly canPublish: boolean;
}

export interface AudioAccessRequest {
  /** The Roundtable room id; the media room has the same name. */
  readonly roomId: string;
  /** The profile id; the media participant identity. */
  readonly profileId: string;
  readonly displayName: string;
  /** Stage participants may publish their microphone; listeners only subscribe. */
  readonly canPublish: boolean;
}

/**
 * The one seam between Roundtable and the media server. The LiveKit implementation is the
 * production one; any other media server (or a test double in environments where no media
 * server can run) implements this interface.
 */
export interface AudioGateway {
  issueAccess(request: AudioAccessRequest): Promise<AudioAccess>;
}
