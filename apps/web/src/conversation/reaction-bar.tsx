import { type ReactNode, useEffect, useRef, useState } from 'react';

import { countsByKind, type FloatingIcon, iconsForTick, REACTION_LABELS, REACTIONS, type ReactionCountLike, type ReactionKind } from './reactions';

/** One tick's reaction counts, numbered so the same counts twice in a row still animate. */
export interface ReactionTick {
  readonly seq: number;
  readonly reactions: readonly ReactionCountLike[];
}

/** How long a tick's "+N" stays beside its button, ms. */
const COUNT_SHOWN_MS = 2500;

/**
 * Reactions for everyone in the room: five buttons, and what the room sent in the last tick:
 * icons float up from each button, one per reaction (up to a cap; see reactions.ts), and "+N"
 * beside it gives the exact count. With reduced motion nothing floats; the counts still show.
 * A tap is sent at once; the animation follows the server's counts (the viewer's own included),
 * never the taps themselves.
 */
export function ReactionBar(props: { tick: ReactionTick | null; disabled: boolean; onReact(reaction: ReactionKind): void }) {
  const [icons, setIcons] = useState<readonly FloatingIcon[]>([]);
  const [counts, setCounts] = useState<Partial<Record<ReactionKind, number>>>({});
  const nextId = useRef(1);
  const inFlight = useRef(0);
  inFlight.current = icons.length;
  const reducedMotion = usePrefersReducedMotion();

  useEffect(() => {
    if (!props.tick) return;
    setCounts(countsByKind(props.tick.reactions));
    const timer = window.setTimeout(() => setCounts({}), COUNT_SHOWN_MS);
    if (!reducedMotion) {
      const spawned = iconsForTick(props.tick.reactions, inFlight.current, nextId.current);
      nextId.current += spawned.length;
      if (spawned.length > 0) setIcons((current) => [...current, ...spawned]);
    }
    return () => window.clearTimeout(timer);
  }, [props.tick, reducedMotion]);

  const landed = (id: number) => setIcons((current) => current.filter((icon) => icon.id !== id));

  return (
    <section className="card reaction-bar" aria-label="Reactions" data-testid="reaction-bar">
      <div className="reaction-buttons">
        {REACTIONS.map((reaction) => (
          <div key={reaction} className="reaction-slot">
            <button type="button" className="reaction-button" disabled={props.disabled} aria-label={`React: ${REACTION_LABELS[reaction]}`} data-reaction={reaction} onClick={() => props.onReact(reaction)}>
              <ReactionIcon reaction={reaction} size={22} />
            </button>
            <span className="reaction-count" data-testid={`reaction-count-${reaction}`} aria-hidden="true">
              {countLabel(counts[reaction])}
            </span>
            <div className="reaction-flight" aria-hidden="true">
              {icons
                .filter((icon) => icon.reaction === reaction)
                .map((icon) => (
                  <span
                    key={icon.id}
                    className="reaction-float"
                    data-testid="reaction-float"
                    style={{ left: `${Math.round(icon.x * 70) + 15}%`, animationDelay: `${icon.delayMs}ms` }}
                    onAnimationEnd={() => landed(icon.id)}
                  >
                    <ReactionIcon reaction={reaction} size={18} />
                  </span>
                ))}
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}

const countLabel = (count: number | undefined) => (count ? `+${count.toLocaleString('en')}` : '');

function usePrefersReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const change = () => setReduced(list.matches);
    list.addEventListener('change', change);
    return () => list.removeEventListener('change', change);
  }, []);
  return reduced;
}

/** Inline SVG (no emoji font needed offline), coloured per kind. */
export function ReactionIcon(props: { reaction: ReactionKind; size: number }): ReactNode {
  const { size } = props;
  const svg = (children: ReactNode, className: string) => (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false" className={`reaction-icon ${className}`}>
      {children}
    </svg>
  );
  switch (props.reaction) {
    case 'CLAP':
      return svg(
        <>
          <path fill="currentColor" d="M9.4 5.2a1.3 1.3 0 0 1 1.8.4l3.9 6.1-.4-2.6a1.3 1.3 0 0 1 2.5-.5l1.1 4.9a6.5 6.5 0 0 1-11.6 5.2L3.4 13a1.3 1.3 0 0 1 2.1-1.5l2.2 2.7-3.5-5.5a1.3 1.3 0 0 1 2.2-1.4l2.7 4.2-3.2-5a1.3 1.3 0 0 1 2.2-1.4l.3.4a1.3 1.3 0 0 1 1-.1Z" />
          <path stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" d="M15 2.5l.6 2M18.5 3.5l-1 1.8M20.5 6.5l-1.9.6" />
        </>,
        'reaction-clap',
      );
    case 'HEART':
      return svg(<path fill="currentColor" d="M12 21s-7.5-4.6-9.5-9.3C1.1 8.4 3 5 6.4 5c2 0 3.6 1.1 4.4 2.5h2.4C14 6.1 15.6 5 17.6 5 21 5 22.9 8.4 21.5 11.7 19.5 16.4 12 21 12 21Z" />, 'reaction-heart');
    case 'LAUGH':
      return svg(
        <>
          <circle cx="12" cy="12" r="10" fill="currentColor" />
          <path fill="#fff" d="M7 13.5h10a5 5 0 0 1-10 0Z" />
          <path stroke="#fff" strokeWidth="1.6" strokeLinecap="round" fill="none" d="M7.5 9.5l2 1-2 1M16.5 9.5l-2 1 2 1" />
        </>,
        'reaction-laugh',
      );
    case 'INSIGHTFUL':
      return svg(
        <>
          <path fill="currentColor" d="M12 2a7 7 0 0 1 4.2 12.6c-.7.5-1.2 1.3-1.2 2.2V18H9v-1.2c0-.9-.5-1.7-1.2-2.2A7 7 0 0 1 12 2Z" />
          <path fill="currentColor" d="M9 19.5h6V21a1 1 0 0 1-1 1h-4a1 1 0 0 1-1-1v-1.5Z" />
        </>,
        'reaction-insightful',
      );
    case 'PLUS_ONE':
      return svg(
        <>
          <rect x="1" y="3" width="22" height="18" rx="5" fill="currentColor" />
          <path stroke="#fff" strokeWidth="2.2" strokeLinecap="round" d="M5.5 12h6M8.5 9v6M15 9.5l2-1.5v8" fill="none" />
        </>,
        'reaction-plus-one',
      );
  }
}
