import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { setFollowing, type Profile } from '../../api/people';
import { followsKey, profileKey } from '../../api/queryKeys';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { errorMessage } from '../../ui/errors';

/** Follow or unfollow at once; if the server refuses, the button and count go back as they were. */
export function FollowButton({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const id = profile.person.id;
  const mutation = useMutation({
    mutationFn: (follow: boolean) => setFollowing(id, follow),
    onMutate: async (follow) => {
      await client.cancelQueries({ queryKey: profileKey(id), exact: true });
      const before = client.getQueryData<Profile>(profileKey(id));
      if (before)
        client.setQueryData<Profile>(profileKey(id), { ...before, viewerFollows: follow, followers: before.followers + (follow ? 1 : -1) });
      return { before };
    },
    onError: (_e, _v, context) => {
      if (context?.before) client.setQueryData(profileKey(id), context.before);
    },
    onSuccess: (state) =>
      client.setQueryData<Profile>(profileKey(id), (p) => (p ? { ...p, viewerFollows: state.following, followers: state.followers } : p)),
    onSettled: () => client.invalidateQueries({ queryKey: followsKey(id) }),
  });
  const following = profile.viewerFollows;
  return (
    <>
      <Button
        variant={following ? 'secondary' : 'primary'}
        aria-pressed={following}
        onClick={() => mutation.mutate(!following)}
        data-testid="follow-button"
      >
        {t(following ? 'profilePage.following' : 'profilePage.follow')}
      </Button>
      <ErrorAlert message={mutation.isError ? errorMessage(t, mutation.error) : null} />
    </>
  );
}
