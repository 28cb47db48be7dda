// The insights panel's pure parts: plain words for the figures and when to read them again.

/** "12 min 5 s", "45 s", "2 h 3 min": a listening time in whole seconds. */
export function formatListenTime(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return rest > 0 ? `${minutes} min ${rest} s` : `${minutes} min`;
  return `${rest} s`;
}

/** A share 0–1 as a whole percentage ("48%"); never "0%" for a share above 0. */
export function formatShare(share: number): string {
  if (share > 0 && share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}

/** Why small groups are folded, in plain words (the README's rule). */
export function foldingExplanation(minimumGroupSize: number): string {
  return (
    `To protect listeners' privacy, a group is shown only when at least ${minimumGroupSize} people are in it, ` +
    `and it counts only people who arrived in the same few minutes as at least ${minimumGroupSize - 1} others of that group. ` +
    `Everyone else is counted under “Other”. The figures change once per refresh window, never when one person joins or leaves, ` +
    `so no one can be picked out.`
  );
}

/** After the server's next refresh, plus a short delay while its job writes the window (ms from now); null once final. */
export function msUntilReread(nextRefreshAt: string | null, now: number, slackMs = 20_000): number | null {
  if (nextRefreshAt === null) return null;
  return Math.max(0, Date.parse(nextRefreshAt) - now) + slackMs;
}

/** Each point's bar as a share of the largest (0–1); all zero when nobody listened. */
export function timelineBars(points: readonly { readonly listeners: number }[]): number[] {
  const most = Math.max(0, ...points.map((point) => point.listeners));
  return points.map((point) => (most === 0 ? 0 : point.listeners / most));
}
