import { useQuery } from '@tanstack/react-query';
import { fetchTypeahead, type Typeahead } from '../../api/search';
import { useDebounced } from '../../ui/useDebounced';

/**
 * People and groups whose names start with what is being typed, once typing pauses; null while
 * the answer is for other words than those in the box (no stale suggestions under new text).
 */
export function useTypeahead(text: string, enabled = true): Typeahead | null {
  const typed = text.trim();
  const q = useDebounced(typed, 150);
  const answer = useQuery({ queryKey: ['search', 'typeahead', q], queryFn: () => fetchTypeahead(q), enabled: enabled && q !== '' });
  return q === typed && answer.data ? answer.data : null;
}
