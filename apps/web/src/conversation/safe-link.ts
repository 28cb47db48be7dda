/** The URL when it is an absolute http or https link, else null: nothing else is ever rendered as a link. */
export function safeLinkUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}
