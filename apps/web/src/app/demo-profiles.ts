/** One demo profile from the API's development-only `GET /dev/demo-profiles` (404 in production). */
export interface DemoProfile {
  readonly id: string;
  readonly displayName: string;
  readonly headline: string | null;
  readonly role: string;
  readonly token: string;
}

export const DEMO_PROFILES_PATH = '/dev/demo-profiles';

/** Reads the endpoint's body; anything malformed is dropped rather than trusted. */
export function parseDemoProfiles(body: unknown): DemoProfile[] {
  if (typeof body !== 'object' || body === null || !('profiles' in body) || !Array.isArray(body.profiles)) return [];
  return body.profiles.flatMap((entry: unknown): DemoProfile[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { id, displayName, headline, role, token } = entry as Record<string, unknown>;
    if (typeof id !== 'string' || typeof displayName !== 'string' || typeof token !== 'string') return [];
    return [{ id, displayName, headline: typeof headline === 'string' ? headline : null, role: typeof role === 'string' ? role : '', token }];
  });
}

/** The demo profiles, or none when the endpoint is absent (production) or unreachable. */
export async function fetchDemoProfiles(): Promise<DemoProfile[]> {
  try {
    const response = await fetch(DEMO_PROFILES_PATH, { headers: { accept: 'application/json' } });
    if (!response.ok) return [];
    return parseDemoProfiles(await response.json());
  } catch {
    return [];
  }
}
