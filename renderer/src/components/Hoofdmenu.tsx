import { Badge, Box, Button, Menu, MenuItem } from '@mui/material';
import { useLayoutEffect, useRef, useState } from 'react';
import type { View } from '../store';

export interface MenuKeuze {
  label: string;
  target: View;
  /** A count shown as a badge (open signals, requests waiting). */
  aantal?: number;
}

interface Props {
  keuzes: MenuKeuze[];
  actief: View['naam'];
  go(view: View): void;
}

/** Room for the "Meer" button that holds what does not fit. */
const MEER_BREEDTE = 96;

/** How many choices fit: measured on the hidden copy of every button, again on each resize. */
function usePassend(keuzes: MenuKeuze[]) {
  const nav = useRef<HTMLElement>(null);
  const maat = useRef<HTMLDivElement>(null);
  const [passend, setPassend] = useState(keuzes.length);
  /** What changes a width: the choices and their counts. */
  const inhoud = keuzes.map((k) => `${k.label}:${k.aantal ?? 0}`).join('|');

  useLayoutEffect(() => {
    const bereken = () => {
      if (!nav.current || !maat.current) return;
      const ruimte = nav.current.clientWidth;
      const breedtes = Array.from(maat.current.children, (c) => (c as HTMLElement).offsetWidth);
      const totaal = breedtes.reduce((a, b) => a + b, 0);
      if (totaal <= ruimte) return setPassend(breedtes.length);
      let som = MEER_BREEDTE;
      let n = 0;
      while (n < breedtes.length && som + breedtes[n]! <= ruimte) som += breedtes[n++]!;
      setPassend(n);
    };
    bereken();
    const waarnemer = new ResizeObserver(bereken);
    if (nav.current) waarnemer.observe(nav.current);
    return () => waarnemer.disconnect();
  }, [inhoud]);

  return { nav, maat, passend };
}

function KeuzeLabel({ k }: { k: MenuKeuze }) {
  return (
    <Badge color="secondary" badgeContent={k.aantal ?? 0} max={99}>
      <span style={{ paddingRight: k.aantal ? 10 : 0 }}>{k.label}</span>
    </Badge>
  );
}

/**
 * The main menu: as many choices as fit beside the name and the lock button at any window width
 * (1366 px with the teamcoach's seven choices too); the rest under "Meer", so nothing is ever
 * off-screen and no page scrolls sideways. The widths come from a hidden copy of every button.
 */
export function Hoofdmenu({ keuzes, actief, go }: Props) {
  const { nav, maat, passend } = usePassend(keuzes);
  const [meer, setMeer] = useState<HTMLElement | null>(null);
  const label = (k: MenuKeuze) => <KeuzeLabel k={k} />;
  const zichtbaar = keuzes.slice(0, passend);
  const over = keuzes.slice(passend);
  const overActief = over.some((k) => k.target.naam === actief);
  const meerAantal = over.reduce((som, k) => som + (k.aantal ?? 0), 0);

  return (
    <Box
      component="nav"
      ref={nav}
      aria-label="Hoofdmenu"
      sx={{ display: 'flex', gap: 0, flexGrow: 1, minWidth: 0, position: 'relative' }}
    >
      {/* Only for measuring: never seen, never focused. */}
      <Box
        ref={maat}
        aria-hidden="true"
        inert
        sx={{ position: 'absolute', visibility: 'hidden', display: 'flex', whiteSpace: 'nowrap' }}
      >
        {keuzes.map((k) => (
          <Button key={k.label} color="inherit" tabIndex={-1} sx={{ fontWeight: 700 }}>
            {label(k)}
          </Button>
        ))}
      </Box>
      {zichtbaar.map((k) => (
        <Button
          key={k.label}
          color="inherit"
          onClick={() => go(k.target)}
          aria-current={actief === k.target.naam ? 'page' : undefined}
          sx={{
            fontWeight: actief === k.target.naam ? 700 : 400,
            whiteSpace: 'nowrap',
            flexShrink: 0,
          }}
        >
          {label(k)}
        </Button>
      ))}
      {over.length > 0 && (
        <MeerMenu
          over={over}
          actief={actief}
          go={go}
          meer={meer}
          setMeer={setMeer}
          overActief={overActief}
          meerAantal={meerAantal}
        />
      )}
    </Box>
  );
}

/** The choices that do not fit, under "Meer"; bold when the current screen is among them. */
function MeerMenu({
  over,
  actief,
  go,
  meer,
  setMeer,
  overActief,
  meerAantal,
}: {
  over: MenuKeuze[];
  actief: Props['actief'];
  go: Props['go'];
  meer: HTMLElement | null;
  setMeer(el: HTMLElement | null): void;
  overActief: boolean;
  meerAantal: number;
}) {
  return (
    <>
      <Button
        color="inherit"
        id="meer-knop"
        aria-haspopup="menu"
        aria-controls={meer ? 'meer-menu' : undefined}
        aria-expanded={meer ? 'true' : undefined}
        onClick={(e) => setMeer(e.currentTarget)}
        sx={{ fontWeight: overActief ? 700 : 400, whiteSpace: 'nowrap', flexShrink: 0 }}
      >
        <Badge color="secondary" badgeContent={meerAantal} max={99}>
          <span style={{ paddingRight: meerAantal ? 10 : 0 }}>Meer ▾</span>
        </Badge>
      </Button>
      <Menu
        id="meer-menu"
        anchorEl={meer}
        open={Boolean(meer)}
        onClose={() => setMeer(null)}
        slotProps={{ list: { 'aria-labelledby': 'meer-knop' } }}
      >
        {over.map((k) => (
          <MenuItem
            key={k.label}
            selected={actief === k.target.naam}
            aria-current={actief === k.target.naam ? 'page' : undefined}
            onClick={() => {
              setMeer(null);
              go(k.target);
            }}
          >
            <KeuzeLabel k={k} />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
