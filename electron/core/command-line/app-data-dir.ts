import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the app keeps its data, as Electron's app.getPath('userData') resolves it for an app named
 * "Winbooks Token Manager". The app and the CLI both use this module so they meet at the same session file.
 */

export const APP_DIRECTORY_NAME = 'Winbooks Token Manager';
/** Overrides the data directory (tests, portable setups). The app must honour it too. */
export const DATA_DIRECTORY_ENV = 'WINBOOKS_TOKEN_MANAGER_DIR';
export const SESSION_FILE_NAME = 'cli-session.json';
export const UNIX_SOCKET_FILE_NAME = 'cli.sock';

export interface PlatformContext {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  homeDirectory: string;
}

export function currentPlatformContext(): PlatformContext {
  // Asked for only without an override: the CLI then never loads node:os (see scripts/build-cli.mjs).
  return {
    platform: process.platform,
    env: process.env,
    get homeDirectory() {
      return homedir();
    },
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

export function appDataDirectory(context: PlatformContext = currentPlatformContext()): string {
  const override = nonEmpty(context.env[DATA_DIRECTORY_ENV]);
  if (override !== undefined) return override;
  const { platform, env, homeDirectory } = context;
  if (platform === 'win32') {
    return join(nonEmpty(env.APPDATA) ?? join(homeDirectory, 'AppData', 'Roaming'), APP_DIRECTORY_NAME);
  }
  if (platform === 'darwin') return join(homeDirectory, 'Library', 'Application Support', APP_DIRECTORY_NAME);
  return join(nonEmpty(env.XDG_CONFIG_HOME) ?? join(homeDirectory, '.config'), APP_DIRECTORY_NAME);
}

export function sessionFilePath(dataDirectory: string): string {
  return join(dataDirectory, SESSION_FILE_NAME);
}
