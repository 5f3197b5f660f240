import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test/helpers/temp-dir';
import { clampToDisplays, DEFAULT_STATE, loadWindowState, saveWindowState } from './window-state';

const tempDir = useTempDir();
const laptop = [{ x: 0, y: 0, width: 1366, height: 728 }];

describe('window state', () => {
  it('comes back where the user left it', () => {
    const file = join(tempDir(), 'state.json');
    saveWindowState(file, { x: 10, y: 20, width: 1200, height: 700, maximized: true });
    expect(loadWindowState(file, laptop)).toEqual({
      x: 10,
      y: 20,
      width: 1200,
      height: 700,
      maximized: true,
    });
  });

  it('moves a window from a monitor that is gone back onto the laptop screen', () => {
    const state = clampToDisplays(
      { x: 2200, y: 100, width: 1600, height: 900, maximized: false },
      laptop,
    );
    expect(state.x).toBeGreaterThanOrEqual(0);
    expect(state.x + state.width).toBeLessThanOrEqual(1366);
    expect(state.height).toBeLessThanOrEqual(728);
  });

  it('falls back to defaults for a missing or damaged file', () => {
    const dir = tempDir();
    expect(loadWindowState(join(dir, 'nope.json'), laptop).width).toBe(DEFAULT_STATE.width);
    writeFileSync(join(dir, 'bad.json'), '{"x": "links"}');
    expect(loadWindowState(join(dir, 'bad.json'), laptop).height).toBeLessThanOrEqual(728);
  });
});
