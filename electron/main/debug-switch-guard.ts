/**
 * A packaged app refuses to start with a debugging switch: --remote-debugging-port / -pipe would let any
 * local process drive the window (and so the app API), --inspect* would open main's Node inspector. The
 * inspect fuse is off in release builds already; Chromium's remote debugging has no fuse, hence this check.
 * The test build (another appId and name, never shipped) keeps them for Playwright.
 */

const FORBIDDEN = /^--(remote-debugging-(port|pipe|address)|inspect(-brk|-port|-publish-uid)?)(=|$)/u;
export const FORBIDDEN_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe', 'inspect', 'inspect-brk', 'inspect-port'] as const;

/** The first forbidden switch found in the arguments or in Chromium's command line, or null. */
export function forbiddenDebugSwitch(argv: readonly string[], hasSwitch: (name: string) => boolean): string | null {
  const inArgv = argv.find((argument) => FORBIDDEN.test(argument));
  if (inArgv !== undefined) return inArgv.split('=')[0] ?? inArgv;
  const inCommandLine = FORBIDDEN_SWITCHES.find((name) => hasSwitch(name));
  return inCommandLine === undefined ? null : `--${inCommandLine}`;
}

/** The product name of the test build (electron-builder.test.yml): the only packaged build that may be debugged. */
export const TEST_BUILD_PRODUCT_NAME = 'Winbooks Token Manager Test';

export function mustRefuseDebugSwitch(input: { isPackaged: boolean; appName: string; argv: readonly string[]; hasSwitch: (name: string) => boolean }): string | null {
  if (!input.isPackaged || input.appName === TEST_BUILD_PRODUCT_NAME) return null;
  return forbiddenDebugSwitch(input.argv, input.hasSwitch);
}
