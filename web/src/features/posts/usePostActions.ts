import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deletePost, setPostPinned, setReaction, updatePost, type Post, type ReactionKindName } from '../../api/posts';
import { postsKey } from '../../api/queryKeys';
import { forgetNewPost } from './newPosts';
import { removePost, replacePost } from './postCache';
import { withMyReaction } from './reactions';

/** What a post's own controls do; each answer from the server replaces the post in every feed. */
export function usePostActions(post: Post) {
  const client = useQueryClient();
  const onSaved = (p: Post) => replacePost(client, p);

  const react = useMutation({
    mutationFn: (kind: ReactionKindName | null) => setReaction('posts', post.id, kind),
    onMutate: (kind) => {
      // Shown at once; the server's copy (or the feed's refetch after an error) settles it.
      const reactions = withMyReaction(post.counts.reactions, post.viewerReaction, kind);
      replacePost(client, { ...post, viewerReaction: kind, counts: { ...post.counts, reactions } });
    },
    onSuccess: onSaved,
    onError: () => void client.invalidateQueries({ queryKey: postsKey }),
  });
  const edit = useMutation({ mutationFn: (body: string) => updatePost(post.id, { body }), onSuccess: onSaved });
  const toggleComments = useMutation({
    mutationFn: () => updatePost(post.id, { commentsEnabled: !post.commentsEnabled }),
    onSuccess: onSaved,
  });
  // Pinning moves the post within its group's feed, so the feed is read again.
  const pin = useMutation({
    mutationFn: () => setPostPinned(post.id, !post.pinned),
    onSuccess: (p) => {
      onSaved(p);
      void client.invalidateQueries({ queryKey: postsKey });
    },
  });
  const remove = useMutation({
    mutationFn: () => deletePost(post.id),
    onSuccess: () => {
      forgetNewPost(post.id);
      removePost(client, post.id);
    },
  });
  return { react, edit, toggleComments, pin, remove };
}
