import { DomainError } from '../../src/errors/domain-error';

/** Runs `fn`, which must throw a DomainError, and returns it for the test to inspect its code, field and details. */
export function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}
