import type { Rol } from '../shared/domain';

/** Who is calling: the professional chosen at sign-in, as the core knows them. */
export interface Session {
  professionalId: string;
  rol: Rol;
  teamId: string | null;
}
