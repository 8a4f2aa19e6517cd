/**
 * The version a publish gives a project: the current one bumped (patch by default, as UiPath
 * Studio suggests) or one the user names, which must be semver and not older than the current one.
 */

export type Bump = 'patch' | 'minor' | 'major';

/** A refused version; `ru` is the same message in Russian for the Designer. */
export class VersionError extends RangeError {
  constructor(
    message: string,
    readonly ru: string,
  ) {
    super(message);
    this.name = 'VersionError';
  }
}
export const BUMPS: readonly Bump[] = ['patch', 'minor', 'major'];

export type Semver = { major: number; minor: number; patch: number; pre: string };

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseSemver(text: string): Semver | null {
  const match = SEMVER.exec(text.trim());
  if (!match) return null;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), pre: match[4] ?? '' };
}

/** Negative when a < b. A pre-release sorts before its release (1.2.0-rc.1 < 1.2.0). */
export function compareSemver(a: Semver, b: Semver): number {
  for (const key of ['major', 'minor', 'patch'] as const) if (a[key] !== b[key]) return a[key] - b[key];
  if (a.pre === b.pre) return 0;
  if (a.pre === '') return 1;
  if (b.pre === '') return -1;
  return a.pre < b.pre ? -1 : 1;
}

export function bumpVersion(current: string, bump: Bump): string {
  const v = parseSemver(current);
  if (!v) throw new VersionError(`The project's version "${current}" is not semver (e.g. 1.0.0).`, `Версия проекта "${current}" не в формате semver (например, 1.0.0).`);
  // A pre-release is bumped to its own release first: 1.3.0-rc.1 + patch = 1.3.0.
  if (v.pre !== '' && bump === 'patch') return `${v.major}.${v.minor}.${v.patch}`;
  if (bump === 'major') return `${v.major + 1}.0.0`;
  if (bump === 'minor') return `${v.major}.${v.minor + 1}.0`;
  return `${v.major}.${v.minor}.${v.patch + 1}`;
}

/** The new version, or a RangeError a user can read (not semver, older than the current). */
export function nextVersion(current: string, choice: { bump?: Bump; version?: string }): string {
  if (choice.version === undefined) return bumpVersion(current, choice.bump ?? 'patch');
  const wanted = parseSemver(choice.version);
  if (!wanted) throw new VersionError(`Version "${choice.version}" is not semver (e.g. 1.4.0).`, `Версия "${choice.version}" не в формате semver (например, 1.4.0).`);
  const now = parseSemver(current);
  // The current version itself is allowed (a first publish of 1.0.0); older ones are not.
  if (now && compareSemver(wanted, now) < 0) {
    throw new VersionError(
      `Version ${choice.version} is older than the project's current version ${current}.`,
      `Версия ${choice.version} старше текущей версии проекта ${current}.`,
    );
  }
  return choice.version.trim();
}
