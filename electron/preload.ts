/** Exposes the typed API to the page: calls, and the two file operations (SOJ import, export). */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('eenplan', {
  call: (method: string, input: unknown, professionalId: string | null): Promise<unknown> =>
    ipcRenderer.invoke('eenplan:call', method, input, professionalId),
  sojImporteren: (
    bytes: Uint8Array,
    naam: string,
    professionalId: string | null,
  ): Promise<unknown> => ipcRenderer.invoke('eenplan:soj-import', bytes, naam, professionalId),
  exporteren: (input: unknown, professionalId: string | null): Promise<unknown> =>
    ipcRenderer.invoke('eenplan:export', input, professionalId),
  kluis: (actie: string, invoer?: object): Promise<unknown> =>
    ipcRenderer.invoke('eenplan:kluis', actie, invoer),
});
