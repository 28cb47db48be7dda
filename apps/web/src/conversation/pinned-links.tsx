import type { PinnedLink } from '../room/room-types';
import { safeLinkUrl } from './safe-link';

/**
 * The links the host and moderators pinned, for everyone in the room. Only http and https links
 * are rendered (anything else the server refuses anyway); each opens in a new tab without giving
 * the page it opens a handle on this one (`noopener noreferrer`).
 */
export function PinnedLinks(props: { links: readonly PinnedLink[] }) {
  const links = props.links.flatMap((link) => {
    const url = safeLinkUrl(link.url);
    return url ? [{ ...link, href: url.href, shown: link.title?.trim() || `${url.host}${url.pathname === '/' ? '' : url.pathname}` }] : [];
  });
  if (links.length === 0) return null;
  return (
    <section className="card pinned-links" aria-labelledby="pinned-links-title" data-testid="pinned-links">
      <h2 id="pinned-links-title" className="small-heading">
        Pinned links
      </h2>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} target="_blank" rel="noopener noreferrer">
              {link.shown}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
            <span className="muted small"> pinned by {link.pinnedBy.displayName}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
