import type { MiddlewareFn } from 'type-graphql';
import { UseMiddleware } from 'type-graphql';
import type { RequestContext } from '../context/request-context';

const runInTransaction: MiddlewareFn<RequestContext> = ({ context }, next) => context.transaction(next);

/** Runs the mutation in one transaction that every service call through the context joins. */
export const Transactional = () => UseMiddleware(runInTransaction);
