import type { ParticipantRole } from '@roundtable/domain';

/**
 * One value delivered, as the same object, to every local subscriber of one class (issue 17's
 * conversation ticks): the subscription fan-out executes and serialises a document once per such
 * object, whatever the number of subscribers it reaches. The stream that delivers it decides the
 * classes; the fan-out only trusts that everyone handed one object may read one result.
 */
export class SharedDelivery<T> {
  /**
   * @param value the subscription field's source (`@Root()` of its resolver).
   * @param classKey names the class within its delivery round (for logs and tests; sharing is by object).
   * @param roleHint the role in the room of every viewer of the class (`GraphQLContext.roomRoleHint`):
   *   all of them read the same fields under the room access policy.
   * @param scopeOwner the object whose deliveries share one request scope (e.g. the tick every
   *   class of it belongs to): what they need is loaded once for all of them.
   */
  constructor(
    readonly value: T,
    readonly classKey: string,
    readonly roleHint: ParticipantRole | null,
    readonly scopeOwner: object,
  ) {}
}

/** Marks a stream whose items are {@link SharedDelivery} objects (not room events: no role to look up). */
export const SHARED_DELIVERY_STREAM = Symbol('roundtable.shared-delivery-stream');

export function isSharedDeliveryStream(value: unknown): boolean {
  return typeof value === 'object' && value !== null && SHARED_DELIVERY_STREAM in value;
}
