import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

/** Exposes the bridge as `window.winbooks`; the page never gets ipcRenderer itself. */
contextBridge.exposeInMainWorld('winbooks', createBridge(ipcRenderer));
