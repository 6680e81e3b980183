/**
 * IPC channel names shared by the main process (ipc.ts) and the preload (bridge.ts).
 * Imports nothing, so the sandboxed preload bundle stays tiny.
 */
export const CALL_CHANNEL = 'fieldbook:call';
export const EVENT_CHANNEL = 'fieldbook:event';
