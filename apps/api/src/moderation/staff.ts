import type { AuthenticatedViewer } from '../auth/authenticator';
import { ApiErrorCode, apiError } from '../common/api-error';

/** Trust and safety staff only (a trust_safety role in the staff_roles record; a token's claim grants nothing): everyone else is FORBIDDEN. */
export function requireStaff(viewer: AuthenticatedViewer): void {
  if (!viewer.isStaff) throw apiError(ApiErrorCode.Forbidden, 'Only trust and safety staff can do this');
}
