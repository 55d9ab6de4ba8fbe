/** Query keys shared by screens and by the realtime event handler that keeps them fresh. */
export const groupsKey = ['groups'] as const;
export const groupKey = (id: string) => ['group', id] as const;
export const groupMembersKey = (id: string) => ['group', id, 'members'] as const;
export const groupRequestsKey = (id: string) => ['group', id, 'requests'] as const;
export const adminGroupsKey = ['admin', 'groups'] as const;
export const directoryKey = ['directory'] as const;
export const profileKey = (id: string) => ['profile', id] as const;
export const followsKey = (id: string) => ['profile', id, 'follows'] as const;
export const orgChartKey = (id: string) => ['profile', id, 'org-chart'] as const;
export const profileFieldsKey = ['admin', 'profile-fields'] as const;
export const myFieldsKey = ['me', 'fields'] as const;
/** Every list of posts (group, profile and home feeds) lives under `postsKey`, so one pass updates them all. */
export const postsKey = ['posts'] as const;
export const groupFeedKey = (id: string) => ['posts', 'group', id] as const;
export const personFeedKey = (id: string) => ['posts', 'person', id] as const;
export const homeFeedKey = (order: string) => ['posts', 'home', order] as const;
/** A post's own data (comments, replies, revisions, reactions) lives under `postKey`. */
export const postKey = (id: string) => ['post', id] as const;
export const commentsKey = (postId: string) => ['post', postId, 'comments'] as const;
export const repliesKey = (postId: string, commentId: string) => ['post', postId, 'replies', commentId] as const;
export const notificationsKey = ['notifications'] as const;
export const unreadCountKey = ['notifications', 'unread-count'] as const;
