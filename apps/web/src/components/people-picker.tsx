import { useEffect, useId, useRef, useState } from 'react';

import { LatestRequest } from '../api/latest-request';
import { SEARCH_PROFILES } from '../api/operations';
import { useSession } from '../app/session';
import { Avatar } from './avatar';
import { addPerson, offeredPeople, type PickedPerson, removePerson, searchTermOf } from './people-picker-state';

const PAGE = 10;
/** Typing pauses this long before a search goes out: searchProfiles is a rate-limited read. */
const DEBOUNCE_MS = 300;

interface Results {
  readonly term: string;
  readonly people: readonly PickedPerson[];
  readonly total: number;
  readonly next: string | null;
}

/**
 * Picks people by searching their display name or headline (`searchProfiles`), never by id: the
 * chosen ones show as removable chips, each result is a button that adds it.
 */
export function PeoplePicker(props: {
  label: string;
  chosen: readonly PickedPerson[];
  max: number;
  onChange(people: PickedPerson[]): void;
  describedBy?: string | undefined;
  invalid?: boolean;
}) {
  const { api, viewer, showError } = useSession();
  const { chosen, onChange } = props;
  const [typed, setTyped] = useState('');
  const [results, setResults] = useState<Results | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(new LatestRequest());
  const id = useId();
  const term = searchTermOf(typed);

  const search = async (searchTerm: string, after: string | null) => {
    const ticket = latest.current.restart();
    setLoading(true);
    try {
      const data = await api.query(SEARCH_PROFILES, { query: searchTerm, first: PAGE, after });
      // Only the newest search may show: an older answer arriving late is dropped.
      if (!latest.current.isCurrent(ticket)) return;
      const page = data.searchProfiles;
      const people = page.edges.map((edge) => edge.node);
      setResults((current) => ({
        term: searchTerm,
        people: after && current ? [...current.people, ...people.filter((p) => !current.people.some((c) => c.id === p.id))] : people,
        total: page.totalCount,
        next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null,
      }));
    } catch (error) {
      if (latest.current.isCurrent(ticket)) showError(error);
    } finally {
      if (latest.current.isCurrent(ticket)) setLoading(false);
    }
  };

  useEffect(() => {
    if (term === null) {
      latest.current.restart();
      setResults(null);
      setLoading(false);
      return;
    }
    const timer = setTimeout(() => void search(term, null), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `search` reads only refs and stable session values; the term alone decides when to search.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [term]);

  const offered = results ? offeredPeople(results.people, chosen, viewer.id) : [];
  const full = chosen.length >= props.max;
  let status: string;
  if (term === null) status = 'Type at least 2 letters of a name or headline.';
  else if (loading && (!results || results.term !== term)) status = 'Searching…';
  else if (!results || results.total === 0) status = `No one matches “${term}”.`;
  else status = `${results.total} ${results.total === 1 ? 'person matches' : 'people match'} “${results.term}”.`;

  return (
    <fieldset className="people-picker" aria-describedby={props.describedBy} aria-invalid={props.invalid}>
      <legend>{props.label}</legend>
      {chosen.length > 0 && (
        <ul className="chips" aria-label={`Chosen ${props.label.toLowerCase()}`}>
          {chosen.map((person) => (
            <li key={person.id} className="chip chip-topic chip-removable">
              {person.displayName}
              <button type="button" className="chip-remove" aria-label={`Remove ${person.displayName}`} onClick={() => onChange(removePerson(chosen, person.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={id} className="small">
        Search people
      </label>
      <input
        id={id}
        type="search"
        value={typed}
        autoComplete="off"
        aria-describedby={`${id}-status`}
        placeholder="Name or headline"
        onChange={(event) => setTyped(event.target.value)}
      />
      <p className="hint" id={`${id}-status`} role="status" aria-live="polite">
        {status}
        {full && ` You have chosen the most people a room may have (${props.max}).`}
      </p>
      {offered.length > 0 && (
        <ul className="people-options" aria-label="Matching people">
          {offered.map((person) => (
            <li key={person.id}>
              <button
                type="button"
                className="person-option"
                disabled={full}
                onClick={() => onChange(addPerson(chosen, person, props.max))}
              >
                <Avatar profile={person} size="tiny" />
                {/* The name read out is the visible text with "Invite" before it (WCAG 2.5.3, label in name). */}
                <span className="person-option-text">
                  <strong className="breakable">
                    <span className="visually-hidden">Invite </span>
                    {person.displayName}
                  </strong>
                  {person.headline && <span className="muted small breakable">{person.headline}</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {results?.next && results.term === term && (
        <button type="button" className="button button-small load-more" disabled={loading} onClick={() => void search(results.term, results.next)}>
          {loading ? 'Loading…' : 'More people'}
        </button>
      )}
    </fieldset>
  );
}
