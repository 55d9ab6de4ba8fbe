import type { ReactElement } from 'react';
import { LineIcon } from '../../ui/icons';

/** The call screen's line icons (24-unit grid, like ui/icons); decorative, the button names the action. */
const PATHS = {
  phone: 'M5 4h3.5l1.5 4-2 1.5a11 11 0 0 0 6.5 6.5L16 14l4 1.5V19a1.5 1.5 0 0 1-1.5 1.5A15.5 15.5 0 0 1 3.5 5.5 1.5 1.5 0 0 1 5 4Z',
  video: 'M3.5 7h11v10h-11V7Zm11 3.5L20.5 7v10l-6-3.5',
  mic: 'M12 3.5a2.5 2.5 0 0 0-2.5 2.5v5a2.5 2.5 0 0 0 5 0V6A2.5 2.5 0 0 0 12 3.5ZM6 11a6 6 0 0 0 12 0M12 17v3.5',
  micOff: 'M12 3.5a2.5 2.5 0 0 0-2.5 2.5v5a2.5 2.5 0 0 0 5 0V6A2.5 2.5 0 0 0 12 3.5ZM6 11a6 6 0 0 0 12 0M12 17v3.5M4 4l16 16',
  videoOff: 'M3.5 7h11v10h-11V7Zm11 3.5L20.5 7v10l-6-3.5M3 3.5l18 17',
  screen: 'M3.5 5h17v11h-17V5Zm5 15h7M12 16v4M12 13V8m-2.5 2.5L12 8l2.5 2.5',
  hangUp: 'M3.5 14.5c4.6-4 12.4-4 17 0l-1.8 2.3-3.4-1.1-.4-2.4a10 10 0 0 0-5.8 0l-.4 2.4-3.4 1.1-1.8-2.3Z',
  minimise: 'M6 9l6 6 6-6',
  expand: 'M4 10V4h6M20 14v6h-6M4 4l6.5 6.5M20 20l-6.5-6.5',
  people:
    'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7Zm-6.5 9c.6-3.2 3.2-5.5 6.5-5.5s5.9 2.3 6.5 5.5M16 4.3a3.5 3.5 0 0 1 0 6.4m2.3 3.6c1.8.8 3 2.5 3.2 4.7',
  settings:
    'M12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7Zm8 3.5-2 .7-.5 1.3.9 1.9-1.6 1.6-1.9-.9-1.3.5-.7 2h-2.2l-.7-2-1.3-.5-1.9.9-1.6-1.6.9-1.9-.5-1.3-2-.7V11l2-.7.5-1.3-.9-1.9 1.6-1.6 1.9.9 1.3-.5.7-2h2.2l.7 2 1.3.5 1.9-.9 1.6 1.6-.9 1.9.5 1.3 2 .7V12Z',
  signal: 'M5 19v-3M10 19v-7M15 19V9M20 19V5',
} as const;

export type CallIconName = keyof typeof PATHS;

export function CallIcon({ name, size = 22 }: { name: CallIconName; size?: number }): ReactElement {
  return <LineIcon d={PATHS[name]} size={size} />;
}
