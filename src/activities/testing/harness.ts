import { expect } from 'vitest';
import { BlockError } from '../define.js';

/**
 * The shared block test harness. The generic context builder was written first under
 * `web/testing/` by the http/web engineer; it is re-exported here (the agreed shared place) rather
 * than copied, so there is exactly one implementation of the test `BlockContext`.
 */
export { createHarness, type Harness } from '../web/testing/harness.js';

/**
 * Asserts that a block call fails with a `BlockError` whose message matches `message` (the cause a
 * user reads) and, when given, carries `code`. Returns the error for further checks.
 */
export async function expectBlockError(
  call: Promise<unknown>,
  message: RegExp,
  code?: string,
): Promise<BlockError> {
  let caught: unknown;
  try {
    await call;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'the block should have failed').toBeInstanceOf(BlockError);
  const error = caught as BlockError;
  expect(error.message).toMatch(message);
  if (code !== undefined) expect(error.code).toBe(code);
  return error;
}
