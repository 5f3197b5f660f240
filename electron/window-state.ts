/** Remembers the window's size and place between runs, clamped to a screen that still exists. */
import { readFileSync, writeFileSync } from 'node:fs';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState extends Bounds {
  maximized: boolean;
}

export const DEFAULT_STATE: WindowState = {
  x: 80,
  y: 60,
  width: 1366,
  height: 768,
  maximized: false,
};
const MIN = { width: 1024, height: 640 };

function isState(value: unknown): value is WindowState {
  const v = value as Record<string, unknown>;
  return (
    typeof v === 'object' &&
    v !== null &&
    ['x', 'y', 'width', 'height'].every((k) => Number.isFinite(v[k])) &&
    typeof v.maximized === 'boolean'
  );
}

/** Keeps the window on one of the current displays' work areas, and at least the minimum size. */
export function clampToDisplays(state: WindowState, workAreas: readonly Bounds[]): WindowState {
  const width = Math.max(MIN.width, state.width);
  const height = Math.max(MIN.height, state.height);
  const visible = workAreas.find(
    (a) =>
      state.x < a.x + a.width - 100 &&
      state.x + width > a.x + 100 &&
      state.y >= a.y - 10 &&
      state.y < a.y + a.height - 100,
  );
  const area = visible ?? workAreas[0];
  if (!area) return { ...state, width, height };
  return {
    maximized: state.maximized,
    width: Math.min(width, area.width),
    height: Math.min(height, area.height),
    x: visible ? state.x : area.x + Math.max(0, Math.floor((area.width - width) / 2)),
    y: visible ? state.y : area.y + Math.max(0, Math.floor((area.height - height) / 2)),
  };
}

export function loadWindowState(file: string, workAreas: readonly Bounds[]): WindowState {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return clampToDisplays(isState(parsed) ? parsed : DEFAULT_STATE, workAreas);
  } catch {
    return clampToDisplays(DEFAULT_STATE, workAreas);
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  writeFileSync(file, JSON.stringify(state));
}
