/** Exposes the one door of the typed API to the page: a method of the contract and its input. */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('eenplan', {
  call: (method: string, input: unknown): Promise<unknown> =>
    ipcRenderer.invoke('eenplan:call', method, input),
});
