import { z } from 'zod';
import { appErrorSchema } from '../../electron/shared/account-summary';

/**
 * The frames the browser-test harness exchanges over its loopback WebSocket. Both ends validate every frame;
 * requests and responses are then validated again with the contract schemas of the operation they name.
 * Test and development only: the shipped app talks to main over Electron IPC.
 */

export const HARNESS_WS_PATH = '/__harness/ws';
export const HARNESS_BRIDGE_PATH = '/__harness/bridge.js';

export const callFrameSchema = z
  .object({
    type: z.literal('call'),
    id: z.number().int().nonnegative(),
    operation: z.string().min(1).max(64),
    /** Absent for operations without a request (JSON drops undefined). */
    payload: z.unknown().optional(),
  })
  .strict();
export type CallFrame = z.infer<typeof callFrameSchema>;

export const resultFrameSchema = z
  .object({
    type: z.literal('result'),
    id: z.number().int().nonnegative(),
    result: z.union([z.object({ ok: z.literal(true), value: z.unknown().optional() }).strict(), z.object({ ok: z.literal(false), error: appErrorSchema }).strict()]),
  })
  .strict();
export type ResultFrame = z.infer<typeof resultFrameSchema>;

export const eventFrameSchema = z
  .object({
    type: z.literal('event'),
    event: z.enum(['accounts-changed', 'vault-state', 'settings']),
    payload: z.unknown().optional(),
  })
  .strict();
export type EventFrame = z.infer<typeof eventFrameSchema>;

export const serverFrameSchema = z.discriminatedUnion('type', [resultFrameSchema, eventFrameSchema]);
