import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createComment,
  deleteComment,
  fetchPost,
  setReaction,
  updateComment,
  type Comment,
  type Post,
  type ReactionKindName,
} from '../../api/posts';
import { postKey } from '../../api/queryKeys';
import { replaceComment, replacePost } from './postCache';
import { withMyReaction } from './reactions';

/**
 * Writing, editing, deleting and reacting to comments. After a comment appears or goes, the post's
 * comments are read again (replies, tombstones and counts all move) and so is the post: the
 * realtime count reaches the post's audience, which for a profile post is its author only.
 */
export function useCommentActions(post: Post) {
  const client = useQueryClient();
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: postKey(post.id) });
    replacePost(client, await fetchPost(post.id));
  };
  const create = useMutation({
    mutationFn: (input: { body: string; parentId?: string }) => createComment(post.id, input),
    onSuccess: () => refresh(),
  });
  const remove = useMutation({ mutationFn: (id: string) => deleteComment(id), onSuccess: () => refresh() });
  return { create, remove };
}

export function useOneComment(comment: Comment) {
  const client = useQueryClient();
  const edit = useMutation({ mutationFn: (body: string) => updateComment(comment.id, body), onSuccess: (c) => replaceComment(client, c) });
  const react = useMutation({
    mutationFn: (kind: ReactionKindName | null) => setReaction('comments', comment.id, kind),
    onMutate: (kind) => {
      const reactions = withMyReaction(comment.counts.reactions, comment.viewerReaction, kind);
      replaceComment(client, { ...comment, viewerReaction: kind, counts: { reactions } });
    },
    onSuccess: (c) => replaceComment(client, c),
    onError: () => void client.invalidateQueries({ queryKey: postKey(comment.postId) }),
  });
  return { edit, react };
}
