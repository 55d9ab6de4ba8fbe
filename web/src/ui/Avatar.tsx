interface AvatarProps {
  name: string;
  photoUrl: string | null;
  size?: 'sm' | 'md' | 'lg';
  /** The photo's preview source (blob: URL) while a new one is chosen but not saved yet. */
  previewUrl?: string | null;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** Decorative: the person's name is always written next to it, so it is hidden from screen readers. */
export function Avatar({ name, photoUrl, previewUrl, size = 'md' }: AvatarProps) {
  const src = previewUrl ?? photoUrl;
  return (
    <span className={`avatar avatar--${size}`} aria-hidden="true">
      {src ? <img src={src} alt="" className="avatar__img" /> : <span className="avatar__initials">{initials(name)}</span>}
    </span>
  );
}
