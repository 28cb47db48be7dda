import { Ctx, Query, Resolver } from 'type-graphql';

import type { GraphQLContext } from '../common/context';

@Resolver()
export class StaffResolver {
  /** From the server's staff record, never from the token, so clients show staff pages only to staff. */
  @Query(() => Boolean, {
    description:
      "Whether the viewer holds the trust_safety role in the server's staff record (false when signed out). A token's `roles` claim grants nothing; a token issued for longer than the staff token lifetime carries no staff rights.",
  })
  viewerIsStaff(@Ctx() ctx: GraphQLContext): boolean {
    return ctx.viewer?.isStaff ?? false;
  }
}
