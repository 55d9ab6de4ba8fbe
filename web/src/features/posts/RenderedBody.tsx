import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router-dom';

/**
 * A post's or comment's body as the server rendered it. The HTML was sanitised on the server when
 * it was written (allow-listed tags; only http(s) and mailto links, or /people/<id> mentions), so
 * it is the one place where the app inserts HTML. Mentions open inside the app.
 */
export function RenderedBody({ html, className = '' }: { html: string; className?: string }) {
  const navigate = useNavigate();
  function onClick(e: MouseEvent<HTMLDivElement>): void {
    const link = (e.target as Element).closest('a.mention');
    if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const href = link.getAttribute('href');
    if (!href?.startsWith('/people/')) return;
    e.preventDefault();
    void navigate(href);
  }
  return <div className={`markdown ${className}`} onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />;
}
