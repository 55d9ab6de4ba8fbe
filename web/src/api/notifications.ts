import type { Notification } from '../../../protocol/notifications';
import { api } from './client';
import type { Page } from './types';

export type { Notification, NotificationKindName } from '../../../protocol/notifications';

export const fetchNotifications = (unreadOnly: boolean, cursor?: string): Promise<Page<Notification>> =>
  api('/api/v1/notifications', { query: { unread: unreadOnly ? 'true' : undefined, cursor, limit: 20 } });
export const fetchUnreadCount = (): Promise<{ unreadCount: number }> => api('/api/v1/notifications/unread-count');
export const markNotificationRead = (id: string): Promise<{ unreadCount: number }> =>
  api(`/api/v1/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
export const markAllNotificationsRead = (): Promise<{ unreadCount: number }> => api('/api/v1/notifications/read-all', { method: 'POST' });
