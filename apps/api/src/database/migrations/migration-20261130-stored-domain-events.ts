import { Migration } from '@mikro-orm/migrations';

/**
 * `room_events.payload` moves from the GraphQL wire shape to the stored domain event:
 * `{ schema: 2, event: <domain event, dates as ISO strings>, participantId, actorId }`.
 * The participant loses the API-only fields (`id` → `participantId`, `roomId`, `connected`);
 * the actor of events written before this migration is unknown (null).
 */
export class Migration20261130StoredDomainEvents extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      update room_events
         set payload = jsonb_build_object(
               'schema', 2,
               'participantId', payload->'participant'->'id',
               'actorId', null,
               'event', case when payload ? 'participant'
                             then jsonb_set(payload, '{participant}', (payload->'participant') - 'id' - 'roomId' - 'connected')
                             else payload end)
       where not (payload ? 'schema');`);
  }

  override async down(): Promise<void> {
    this.addSql(`
      update room_events
         set payload = case when payload->'event' ? 'participant'
                            then jsonb_set(payload->'event', '{participant}',
                                   (payload->'event'->'participant')
                                   || jsonb_build_object('id', payload->'participantId', 'roomId', room_id, 'connected', false))
                            else payload->'event' end
       where payload ? 'schema';`);
  }
}
