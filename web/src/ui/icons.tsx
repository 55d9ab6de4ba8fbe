import type { ReactElement } from 'react';

/** Line icons drawn on a 24-unit grid; always decorative, the text next to them names the action. */
const PATHS = {
  home: 'M3 11.5 12 4l9 7.5M5.5 9.5V20h5v-6h3v6h5V9.5',
  user: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7.5 8.5c.8-3.6 3.8-6 7.5-6s6.7 2.4 7.5 6',
  shield: 'M12 3 4.5 6v5.5c0 4.6 3.1 8.3 7.5 9.5 4.4-1.2 7.5-4.9 7.5-9.5V6L12 3Zm-3 9 2.2 2.2L15.5 10',
  people:
    'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7Zm-6.5 9c.6-3.2 3.2-5.5 6.5-5.5s5.9 2.3 6.5 5.5M16 4.3a3.5 3.5 0 0 1 0 6.4m2.3 3.6c1.8.8 3 2.5 3.2 4.7',
  mail: 'M3.5 6h17v12h-17V6Zm0 .5 8.5 7 8.5-7',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  logout: 'M14 4h5v16h-5M10 8l-4 4 4 4M6 12h10',
  admin:
    'M12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7Zm8 3.5-2 .7-.5 1.3.9 1.9-1.6 1.6-1.9-.9-1.3.5-.7 2h-2.2l-.7-2-1.3-.5-1.9.9-1.6-1.6.9-1.9-.5-1.3-2-.7V11l2-.7.5-1.3-.9-1.9 1.6-1.6 1.9.9 1.3-.5.7-2h2.2l.7 2 1.3.5 1.9-.9 1.6 1.6-.9 1.9.5 1.3 2 .7V12Z',
  groups: 'M4 5.5h7v6H4v-6Zm9 0h7v6h-7v-6ZM4 13.5h7v5H4v-5Zm9 0h7v5h-7v-5Z',
  edit: 'M4 20h4L19 9l-4-4L4 16v4Zm9-13 4 4',
  attach: 'M15.5 7.5 9 14a1.8 1.8 0 0 0 2.5 2.5l7-7a3.5 3.5 0 0 0-5-5l-7 7a5.2 5.2 0 0 0 7.4 7.4L20 12',
  muted: 'M6 16V11a6 6 0 0 1 9.5-4.9M18 10.5V16l1.5 2h-15M10 20a2 2 0 0 0 4 0M4 4l16 16',
  chat: 'M4 5.5h16v10.5H10l-4.5 3.5V16H4V5.5Zm4 4h8m-8 3h5',
  search: 'M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13Zm4.7-1.8L20 20',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  key: 'M14.5 14a5 5 0 1 0-4.6-3.1L3.5 17.3V20.5h3.2v-2h2v-2h2l1.7-1.7a5 5 0 0 0 2.1-.8ZM16 8.5h.01',
  log: 'M5 4.5h14v15H5v-15Zm3.5 4h7m-7 3.5h7m-7 3.5h4',
  bot: 'M5 9h14v10H5V9Zm7-4v4m0-4h.01M9 13h.01M15 13h.01M9.5 16h5M3 13v2m18-2v2',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 22 }: { name: IconName; size?: number }): ReactElement {
  return <LineIcon d={PATHS[name]} size={size} strokeWidth={name === 'more' ? 3.2 : 1.8} />;
}

/** A decorative line icon on the 24-unit grid (the button or text beside it names the action). */
export function LineIcon({ d, size = 22, strokeWidth = 1.8 }: { d: string; size?: number; strokeWidth?: number }): ReactElement {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={d} />
    </svg>
  );
}
