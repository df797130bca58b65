import type { AuthCheckerFn } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import type { Role } from './role';

/**
 * `@Authorized()` needs a signed-in user; `@Authorized(Role.X, …)` needs one of those roles. No user is
 * `UNAUTHENTICATED` (with the reason the token failed); the wrong role is `FORBIDDEN`.
 */
export const authChecker: AuthCheckerFn<RequestContext, Role> = ({ context }, roles) => {
  const user = context.requireUser();
  return roles.length === 0 || user.hasRole(...roles);
};
