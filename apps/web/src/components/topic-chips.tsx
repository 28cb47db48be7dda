/** A room's topics as chips; renders nothing for a room without topics. */
export function TopicChips(props: { topics: readonly { readonly slug: string; readonly name: string }[] }) {
  if (props.topics.length === 0) return null;
  return (
    <ul className="chips" aria-label="Topics">
      {props.topics.map((topic) => (
        <li key={topic.slug} className="chip chip-topic">
          {topic.name}
        </li>
      ))}
    </ul>
  );
}
