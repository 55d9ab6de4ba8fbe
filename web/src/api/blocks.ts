import type { BlockActionInput } from '../../../protocol/blocks';
import { api } from './client';

/** A person's action on a bot's message or post; the bot answers by webhook (202: passed on). */
export const actOnMessage = (messageId: string, input: BlockActionInput): Promise<{ interactionId: string }> =>
  api(`/api/v1/messages/${messageId}/actions`, { method: 'POST', body: input });
export const actOnPost = (postId: string, input: BlockActionInput): Promise<{ interactionId: string }> =>
  api(`/api/v1/posts/${postId}/actions`, { method: 'POST', body: input });
