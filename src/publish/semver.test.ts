import { describe, expect, it } from 'vitest';
import { bumpVersion, compareSemver, nextVersion, parseSemver } from './semver.js';

describe('publish versions', () => {
  it('bumps patch (the default), minor and major, resetting the lower parts', () => {
    expect(nextVersion('1.4.2', {})).toBe('1.4.3');
    expect(bumpVersion('1.4.2', 'minor')).toBe('1.5.0');
    expect(bumpVersion('1.4.2', 'major')).toBe('2.0.0');
    expect(bumpVersion('1.3.0-rc.1', 'patch')).toBe('1.3.0');
  });

  it('takes an explicit version that is semver and not older than the current one', () => {
    expect(nextVersion('1.0.0', { version: '1.0.0' })).toBe('1.0.0');
    expect(nextVersion('1.0.0', { version: ' 3.1.4 ' })).toBe('3.1.4');
    expect(() => nextVersion('1.2.0', { version: '1.1.9' })).toThrow(/1\.1\.9 is older than the project's current version 1\.2\.0/);
    expect(() => nextVersion('1.2.0', { version: 'v2' })).toThrow(/"v2" is not semver/);
    expect(() => bumpVersion('latest', 'patch')).toThrow(/"latest" is not semver/);
  });

  it('orders pre-releases before their release', () => {
    const v = (s: string) => parseSemver(s)!;
    expect(compareSemver(v('1.2.0-rc.1'), v('1.2.0'))).toBeLessThan(0);
    expect(compareSemver(v('1.10.0'), v('1.9.9'))).toBeGreaterThan(0);
  });
});
