import type { AuthenticatedViewer } from '../auth/authenticator';
import { ApiErrorCode, apiError } from '../common/api-error';

/** Trust and safety staff only (`roles: ["trust_safety"]` in the token): everyone else is FORBIDDEN. */
export function requireStaff(viewer: AuthenticatedViewer): void {
  if (!viewer.isStaff) throw apiError(ApiErrorCode.Forbidden, 'Only trust and safety staff can do this');
}
