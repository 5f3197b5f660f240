/** Exposes exactly one function to the page: a call into the typed API. */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('eenplan', {
  call: (method: string, input: unknown, professionalId: string | null): Promise<unknown> =>
    ipcRenderer.invoke('eenplan:call', method, input, professionalId),
});
