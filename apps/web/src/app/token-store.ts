const KEY = 'roundtable.token';

/** Accepts a pasted token with or without "Bearer ", quotes or surrounding whitespace. */
export function normaliseToken(input: string): string {
  return input
    .trim()
    .replace(/^bearer\s+/i, '')
    .replace(/^["']|["']$/g, '')
    .trim();
}

export function loadToken(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function saveToken(token: string | null): void {
  try {
    if (token === null) window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, token);
  } catch {
    // Private modes may refuse storage; the session then lasts as long as the tab.
  }
}
