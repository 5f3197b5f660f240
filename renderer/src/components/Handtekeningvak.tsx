/**
 * Signing with a finger, pen or trackpad: pointer events (one code path for touch, pen and
 * mouse), captured so a stroke that leaves the box still ends cleanly. The strokes are kept in
 * box units (shared/handtekening.ts), so what is stored does not depend on the screen.
 */
import { Box, Button, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import {
  alsSvgPad,
  leesLijnen,
  schrijfLijnen,
  VAK_BREEDTE,
  VAK_HOOGTE,
  type Punt,
} from '../../../shared/handtekening';

const INKT = '#10205a';

/** The strokes drawn so far, drawn again on the canvas, and the pointer handlers that draw. */
function useTekenen(onChange: (lijnen: string) => void) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [streken, setStreken] = useState<Punt[][]>([]);
  // The strokes as of the last event: pointer events come faster than React renders, and each
  // one extends what the previous one left.
  const huidig = useRef<Punt[][]>([]);
  const bezig = useRef(false);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, VAK_BREEDTE, VAK_HOOGTE);
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = INKT;
    for (const streek of streken) {
      ctx.beginPath();
      streek.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
      if (streek.length === 1) ctx.lineTo(streek[0]![0] + 0.1, streek[0]![1]);
      ctx.stroke();
    }
  }, [streken]);

  /**
   * The point in box units, read while the event is being handled: React clears
   * `currentTarget` afterwards, so it must never be read in a state updater (which may run
   * later; that turned the app white on drawing again after "Wissen").
   */
  const punt = (e: React.PointerEvent<HTMLCanvasElement>): Punt => {
    const r = e.currentTarget.getBoundingClientRect();
    return [
      ((e.clientX - r.left) / r.width) * VAK_BREEDTE,
      ((e.clientY - r.top) / r.height) * VAK_HOOGTE,
    ];
  };
  const zet = (nieuw: Punt[][]) => {
    huidig.current = nieuw;
    setStreken(nieuw);
  };
  const meld = () => onChange(huidig.current.length ? schrijfLijnen(huidig.current) : '');
  const stop = () => {
    if (!bezig.current) return;
    bezig.current = false;
    meld();
  };

  const tekenen = {
    onPointerDown: (e: React.PointerEvent<HTMLCanvasElement>) => {
      e.currentTarget.setPointerCapture(e.pointerId);
      bezig.current = true;
      zet([...huidig.current, [punt(e)]]);
    },
    onPointerMove: (e: React.PointerEvent<HTMLCanvasElement>) => {
      if (!bezig.current) return;
      const p = punt(e);
      const vorige = huidig.current;
      zet([...vorige.slice(0, -1), [...(vorige.at(-1) ?? []), p]]);
    },
    onPointerUp: stop,
    onPointerCancel: stop,
  };
  const wis = () => {
    zet([]);
    meld();
  };
  return { canvas, streken, tekenen, wis };
}

export function Handtekeningvak({
  label,
  onChange,
}: {
  label: string;
  /** The strokes as stored text, or '' when the box is empty. */
  onChange(lijnen: string): void;
}) {
  const { canvas, streken, tekenen, wis } = useTekenen(onChange);
  return (
    // Not wider than this: larger does not make signing easier, and the signing dialog must fit
    // a 1366 x 768 screen with its buttons.
    <Box sx={{ maxWidth: 540 }}>
      <Typography component="div" variant="body2" color="text.secondary" id="handtekening-label">
        {label}
      </Typography>
      <Box
        component="canvas"
        ref={canvas}
        width={VAK_BREEDTE}
        height={VAK_HOOGTE}
        role="img"
        aria-labelledby="handtekening-label"
        data-testid="handtekeningvak"
        {...tekenen}
        sx={{
          display: 'block',
          width: '100%',
          aspectRatio: `${VAK_BREEDTE} / ${VAK_HOOGTE}`,
          border: '1px dashed',
          borderColor: 'grey.500',
          borderRadius: 1,
          bgcolor: '#fffef8',
          // The browser must not scroll or zoom while someone signs with a finger.
          touchAction: 'none',
          cursor: 'crosshair',
        }}
      />
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', mt: 0.5 }}>
        <Typography variant="caption" color="text.secondary">
          Teken hierboven met vinger, pen of trackpad.
        </Typography>
        <Button size="small" onClick={wis} disabled={streken.length === 0}>
          Wissen
        </Button>
      </Box>
    </Box>
  );
}

/** A stored signature, drawn as SVG. */
export function HandtekeningWeergave({ lijnen, naam }: { lijnen: string; naam: string }) {
  const streken = leesLijnen(lijnen);
  return (
    <Box
      component="svg"
      viewBox={`0 0 ${VAK_BREEDTE} ${VAK_HOOGTE}`}
      role="img"
      aria-label={`Handtekening van ${naam}`}
      sx={{
        width: '100%',
        maxWidth: 300,
        display: 'block',
        borderBottom: '1px solid',
        borderColor: 'grey.600',
      }}
    >
      {streken && (
        <path
          d={alsSvgPad(streken)}
          fill="none"
          stroke={INKT}
          strokeWidth={4}
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      )}
    </Box>
  );
}
