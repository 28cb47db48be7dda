import { useId, useMemo, useState } from 'react';

import type { TopicsQuery } from '../gql/graphql';

type Topic = TopicsQuery['topics'][number];

/**
 * Picks topics from the taxonomy: a search box narrows the list (no 80-item scroll), the chosen
 * ones show as removable chips above it.
 */
export function TopicPicker(props: { label: string; topics: readonly Topic[]; selected: readonly string[]; max?: number; onChange(slugs: string[]): void; describedBy?: string | undefined; invalid?: boolean }) {
  const { topics, selected, onChange } = props;
  const [query, setQuery] = useState('');
  const id = useId();
  const byName = useMemo(() => new Map(topics.map((topic) => [topic.slug, topic.name])), [topics]);
  const matches = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return topics.filter((topic) => !needle || topic.name.toLowerCase().includes(needle) || topic.slug.includes(needle)).slice(0, needle ? 20 : 8);
  }, [topics, query]);
  const full = props.max !== undefined && selected.length >= props.max;
  const toggle = (slug: string) => onChange(selected.includes(slug) ? selected.filter((s) => s !== slug) : [...selected, slug]);

  return (
    <fieldset className="topic-picker" aria-describedby={props.describedBy} aria-invalid={props.invalid}>
      <legend>{props.label}</legend>
      {selected.length > 0 && (
        <ul className="chips" aria-label={`Chosen ${props.label.toLowerCase()}`}>
          {selected.map((slug) => (
            <li key={slug} className="chip chip-topic chip-removable">
              {byName.get(slug) ?? slug}
              <button type="button" className="chip-remove" aria-label={`Remove ${byName.get(slug) ?? slug}`} onClick={() => toggle(slug)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={id} className="small">
        Search {props.label.toLowerCase()}
      </label>
      <input id={id} type="search" value={query} autoComplete="off" onChange={(event) => setQuery(event.target.value)} placeholder="Type to find a topic" />
      <ul className="topic-options">
        {matches.map((topic) => {
          const checked = selected.includes(topic.slug);
          return (
            <li key={topic.slug}>
              <label className="checkbox">
                <input type="checkbox" checked={checked} disabled={!checked && full} onChange={() => toggle(topic.slug)} />
                {topic.name}
              </label>
            </li>
          );
        })}
        {matches.length === 0 && <li className="muted small">No topic matches “{query}”.</li>}
      </ul>
    </fieldset>
  );
}
