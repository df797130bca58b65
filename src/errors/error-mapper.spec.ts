import { runInNewContext } from 'node:vm';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { ErrorCode } from './error-code';
import { mapError } from './error-mapper';

describe('mapError: what a thrown value means to a client', () => {
  const REFUSED = 'connect ECONNREFUSED 127.0.0.1:3306';
  const refusedConnection = (err: Error & { code?: string }) => {
    err.code = 'ECONNREFUSED';
    return new GraphQLError(err.message, { originalError: err });
  };

  it('answers a database that cannot be reached as SERVICE_UNAVAILABLE', () => {
    expect(mapError(refusedConnection(new Error(REFUSED))).code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
  });

  it('knows such an error when it was made in another realm, where `instanceof Error` does not hold', () => {
    const foreign = refusedConnection(runInNewContext(`new Error(${JSON.stringify(REFUSED)})`) as Error);
    expect(foreign.originalError instanceof Error).toBe(false);
    expect(mapError(foreign).code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
  });

  it('answers a transaction InnoDB rolled back to break a deadlock as CONFLICT, to be tried again', () => {
    const deadlock = new QueryFailedError('UPDATE x', [], Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), { code: 'ER_LOCK_DEADLOCK', errno: 1213 }));
    expect(mapError(new GraphQLError(deadlock.message, { originalError: deadlock }))).toMatchObject({ code: ErrorCode.CONFLICT });
  });

  it('keeps anything else it does not know as INTERNAL', () => {
    expect(mapError(new GraphQLError('boom', { originalError: runInNewContext('new TypeError("x is undefined")') as Error }))).toMatchObject({ code: ErrorCode.INTERNAL, internal: true });
  });
});
