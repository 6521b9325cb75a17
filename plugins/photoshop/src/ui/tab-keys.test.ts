// The tab strip by keyboard, as a retoucher who keeps a hand on the keyboard uses it: arrows walk the
// six tabs and wrap, Home/End jump, Enter or Space opens the tab, other keys are left to the panel.
import { describe, expect, it } from 'vitest';
import { tabKeyAction } from './tab-keys';

describe('tab strip keys', () => {
  it('moves the focus with the arrows, wrapping at both ends, and jumps with Home and End', () => {
    expect(tabKeyAction('ArrowRight', 0, 6)).toEqual({ focus: 1 });
    expect(tabKeyAction('ArrowRight', 5, 6)).toEqual({ focus: 0 });
    expect(tabKeyAction('ArrowLeft', 0, 6)).toEqual({ focus: 5 });
    expect(tabKeyAction('ArrowDown', 2, 6)).toEqual({ focus: 3 });
    expect(tabKeyAction('Home', 4, 6)).toEqual({ focus: 0 });
    expect(tabKeyAction('End', 1, 6)).toEqual({ focus: 5 });
  });

  it('opens the focused tab with Enter or Space, and ignores letters and Tab', () => {
    expect(tabKeyAction('Enter', 3, 6)).toEqual({ select: 3 });
    expect(tabKeyAction(' ', 2, 6)).toEqual({ select: 2 });
    expect(tabKeyAction('q', 2, 6)).toBeNull();
    expect(tabKeyAction('Tab', 2, 6)).toBeNull();
  });
});
