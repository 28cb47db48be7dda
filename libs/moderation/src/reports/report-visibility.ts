/**
 * What `Report.distinctReporters` a viewer may read: `'group'` for staff with staff powers (the
 * true count of distinct reporters on the report's (room, profile) group), else only the viewer's
 * own part: 1 for their own report, 0 for anyone else's. A brigade never learns from its answers
 * how close it is to an automatic action. Pure: a named rule of the room access policy.
 */
export function distinctReportersVisibleTo(
  viewer: { readonly profileId: string | null; readonly hasStaffPowers: boolean },
  report: { readonly reporterId: string | null },
): 'group' | 0 | 1 {
  if (viewer.hasStaffPowers) return 'group';
  return viewer.profileId !== null && report.reporterId === viewer.profileId ? 1 : 0;
}
