// Inline SVG icons: no icon font or emoji font needed, so they render offline everywhere.

export function HandIcon(props: { size?: number }) {
  const size = props.size ?? 16;
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 2a1.5 1.5 0 0 1 1.5 1.5V11h1V4.5a1.5 1.5 0 0 1 3 0V12h1V7.5a1.5 1.5 0 0 1 3 0V15a7 7 0 0 1-7 7h-1.3a7 7 0 0 1-5.6-2.8l-4.3-5.7a1.6 1.6 0 0 1 2.4-2.1L7.5 14V5.5a1.5 1.5 0 0 1 3 0V11h0V3.5A1.5 1.5 0 0 1 12 2Z"
      />
    </svg>
  );
}

export function BrandMark() {
  return (
    <svg viewBox="0 0 32 32" width="26" height="26" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="15" fill="currentColor" />
      <circle cx="16" cy="11" r="4" fill="#fff" />
      <circle cx="9" cy="20" r="3" fill="#fff" opacity="0.85" />
      <circle cx="16" cy="22" r="3" fill="#fff" opacity="0.85" />
      <circle cx="23" cy="20" r="3" fill="#fff" opacity="0.85" />
    </svg>
  );
}

export function MicIcon(props: { size?: number; off?: boolean }) {
  const size = props.size ?? 16;
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3Zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.9V21h2v-3.1A7 7 0 0 0 19 11h-2Z" />
      {props.off && <path stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" d="M4 3l16 18" />}
    </svg>
  );
}

export function BellIcon(props: { size?: number }) {
  const size = props.size ?? 20;
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}
