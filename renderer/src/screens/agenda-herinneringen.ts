/**
 * Reminders from the agenda as system notifications: a quarter of an hour before a planned
 * visit, and once on the day of an evaluatiemoment or an end date. The web Notification API is
 * what Electron turns into the operating system's notifications (Windows toast, macOS
 * Notification Center, libnotify), and what the browser host shows after permission.
 */
import { useEffect, useState } from 'react';
import { lokaleDatum } from '../format';
import { useCall } from '../api/hooks';
import { useSession } from '../store';

const VOORAF_MINUTEN = 15;
const ELKE_MS = 60_000;

const kan = () => typeof Notification !== 'undefined';

/** The notification permission, and a way to ask for it that updates it. */
export function useMeldingToestemming() {
  const [stand, setStand] = useState<NotificationPermission | 'geen'>(
    kan() ? Notification.permission : 'geen',
  );
  const vraag = async () => {
    if (kan()) setStand(await Notification.requestPermission());
  };
  return { stand, vraag };
}

const sleutelVoor = (profielId: string) => `eenplan.agenda-gemeld.${profielId}`;

/**
 * Ids already notified today, kept per profile so a reload does not repeat them: in session
 * storage (ids only, never a family's name or a visit's subject), which lasts as long as the
 * window.
 */
function gemeld(profielId: string): { dag: string; ids: Set<string> } {
  const sleutel = sleutelVoor(profielId);
  const dag = lokaleDatum();
  try {
    const opgeslagen = JSON.parse(sessionStorage.getItem(sleutel) ?? 'null') as {
      dag: string;
      ids: string[];
    } | null;
    if (opgeslagen?.dag === dag) return { dag, ids: new Set(opgeslagen.ids) };
  } catch {
    // A damaged entry starts the day afresh.
  }
  return { dag, ids: new Set() };
}

function bewaar(profielId: string, stand: { dag: string; ids: Set<string> }) {
  sessionStorage.setItem(
    sleutelVoor(profielId),
    JSON.stringify({ dag: stand.dag, ids: [...stand.ids] }),
  );
}

/** Checks today's agenda every minute while the app is open and signed in. */
export function useAgendaHerinneringen() {
  const call = useCall();
  const rol = useSession((s) => s.profiel?.rol);
  const profielId = useSession((s) => s.profiel?.id);
  useEffect(() => {
    if (rol !== 'jeugdprofessional' || !profielId || !kan()) return;
    let weg = false;
    const kijk = async () => {
      if (Notification.permission !== 'granted') return;
      const nu = new Date();
      const vandaag = lokaleDatum(nu);
      const { items } = await call('agenda.lijst', { van: vandaag, tot: vandaag });
      if (weg) return;
      const stand = gemeld(profielId);
      const minuten = nu.getHours() * 60 + nu.getMinutes();
      for (const item of items) {
        const sleutel = `${item.soort}:${item.id}`;
        if (stand.ids.has(sleutel)) continue;
        if (item.tijd) {
          const begin = Number(item.tijd.slice(0, 2)) * 60 + Number(item.tijd.slice(3, 5));
          if (begin - minuten > VOORAF_MINUTEN || begin < minuten) continue;
          new Notification(`Om ${item.tijd}: ${item.gezinNaam}`, {
            body: item.titel,
            tag: sleutel,
          });
        } else new Notification(`Vandaag: ${item.gezinNaam}`, { body: item.titel, tag: sleutel });
        stand.ids.add(sleutel);
      }
      bewaar(profielId, stand);
    };
    void kijk().catch(() => undefined);
    const t = setInterval(() => void kijk().catch(() => undefined), ELKE_MS);
    return () => {
      weg = true;
      clearInterval(t);
    };
  }, [call, rol, profielId]);
}
