import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../api/posts';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Photos in a grid (each opens the full image) and files as download links, in the author's order. */
export function PostAttachments({ items }: { items: Attachment[] }) {
  const { t } = useTranslation();
  const images = items.filter((a) => a.kind === 'image');
  const files = items.filter((a) => a.kind === 'file');
  if (items.length === 0) return null;
  return (
    <div className="attachments">
      {images.length > 0 ? (
        <ul className={`photo-grid photo-grid--${Math.min(images.length, 3)}`} aria-label={t('posts.photos', { count: images.length })}>
          {images.map((a) => (
            <li key={a.id}>
              <a href={a.url} target="_blank" rel="noopener noreferrer" className="photo-grid__link">
                <img
                  src={a.thumbnailUrl ?? a.url}
                  alt={t('posts.photoAlt', { name: a.name })}
                  width={a.width ?? undefined}
                  height={a.height ?? undefined}
                  loading="lazy"
                  className="photo-grid__img"
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {files.length > 0 ? (
        <ul className="file-list" aria-label={t('posts.files', { count: files.length })}>
          {files.map((a) => (
            <li key={a.id}>
              <a href={a.url} download={a.name} className="file-list__link">
                <span className="file-list__name">{a.name}</span>
                <span className="identity__meta">{formatSize(a.size)}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
