import { app } from 'electron';
import { runApp } from './app-main';
import { mustRefuseDebugSwitch } from './debug-switch-guard';

/** The app's entry point (bundled to dist-electron/main.cjs). A debugging switch ends a packaged app before anything runs. */
const refused = mustRefuseDebugSwitch({ isPackaged: app.isPackaged, appName: app.getName(), argv: process.argv, hasSwitch: (name) => app.commandLine.hasSwitch(name) });
if (refused === null) {
  runApp();
} else {
  process.stderr.write(`Winbooks Token Manager does not start with ${refused}.\n`);
  app.exit(1);
}
