/**
 * Polls `probe` until it returns something truthy, and returns that; throws, naming `what`, when
 * `timeoutMs` passes first. The one polling helper of the tests (a test kit: never packaged).
 * Defaults are generous because a cold runner on a busy two-core machine takes seconds.
 */
export async function until<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 30_000, intervalMs = 20): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
