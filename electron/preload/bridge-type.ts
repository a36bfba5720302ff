import type { createBridge } from './bridge';

/**
 * The type of `window.winbooks`, taken from the object the preload exposes so it cannot drift from it.
 * Type-only: importing it loads nothing.
 */
export type WinbooksBridge = ReturnType<typeof createBridge>;
