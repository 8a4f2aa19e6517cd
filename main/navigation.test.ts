import { describe, expect, it } from 'vitest';
import { isNavigationAllowed, secureWebPreferences, shouldOpenExternally } from './navigation.js';

describe('the window security policy', () => {
  it('isolates the renderer from Node and Electron', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('lets the window navigate only within the app', () => {
    expect(isNavigationAllowed('app://cairn/index.html')).toBe(true);
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://other/index.html',
      'javascript:alert(1)',
      '',
    ]) {
      expect(isNavigationAllowed(url), url).toBe(false);
    }
  });

  it('opens only plain https links outside, in the user browser', () => {
    expect(shouldOpenExternally('https://docs.example/help')).toBe(true);
    for (const url of [
      'http://x.example',
      'file:///etc/passwd',
      'smb://host/share',
      'https://u:p@x.example',
      'javascript:alert(1)',
    ]) {
      expect(shouldOpenExternally(url), url).toBe(false);
    }
  });
});
