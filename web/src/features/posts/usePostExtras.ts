import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answerEvent, approvePost, declinePost, markSeen, votePoll, type Post, type RsvpAnswer } from '../../api/posts';
import { postsKey } from '../../api/queryKeys';
import { removePost, replacePost } from './postCache';

/** Votes, answers to events, "seen" on announcements, and deciding on pending posts. */
export function usePostExtras(post: Post) {
  const client = useQueryClient();
  const onSaved = (p: Post) => replacePost(client, p);
  const vote = useMutation({ mutationFn: (optionIds: string[]) => votePoll(post.id, optionIds), onSuccess: onSaved });
  const rsvp = useMutation({ mutationFn: (answer: RsvpAnswer) => answerEvent(post.id, answer), onSuccess: onSaved });
  const seen = useMutation({ mutationFn: () => markSeen(post.id), onSuccess: onSaved });
  // An approved post joins the group's feed (where it belongs by date); a declined one leaves the list.
  const approve = useMutation({
    mutationFn: () => approvePost(post.id),
    onSuccess: () => {
      removePost(client, post.id);
      void client.invalidateQueries({ queryKey: postsKey });
    },
  });
  const decline = useMutation({ mutationFn: () => declinePost(post.id), onSuccess: () => removePost(client, post.id) });
  return { vote, rsvp, seen, approve, decline };
}
