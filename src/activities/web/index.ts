import type { AnyBlockDefinition } from '../define.js';
import { openBrowser, goTo, closeBrowser } from './browser.js';
import { click, hover } from './mouse.js';
import { fill, typeText, pressKey } from './keyboard.js';
import { selectOption, setChecked, uploadFile } from './forms.js';
import { waitForElement, waitForText, waitForUrl } from './wait.js';
import { getText, getAttribute, getValue, elementExists } from './read.js';
import { extractTable } from './extract-table.js';
import { evaluate } from './evaluate.js';
import { switchTab, switchFrame } from './tabs.js';
import { download } from './download.js';
import { screenshot } from './screenshot.js';
import { withFailureScreenshot } from './lib/failureScreenshot.js';

/** The web blocks, in palette order; a failure with a browser open carries a screenshot of the page. */
export const webBlocks: AnyBlockDefinition[] = [
  openBrowser,
  goTo,
  click,
  fill,
  typeText,
  pressKey,
  selectOption,
  setChecked,
  hover,
  uploadFile,
  waitForElement,
  waitForText,
  waitForUrl,
  getText,
  getAttribute,
  getValue,
  elementExists,
  extractTable,
  evaluate,
  switchTab,
  switchFrame,
  download,
  screenshot,
  closeBrowser,
].map(withFailureScreenshot);
