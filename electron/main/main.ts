import { runApp } from './app-main';

/** The app's entry point (bundled to dist-electron/main.cjs). */
runApp();
