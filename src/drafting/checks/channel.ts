import { finding, type CheckContext, type CheckResult } from './types.ts';

/** The form of transmission is one the requested State's central authority accepts (from the directory). */
export const CHANNEL_CHECK_IDS = ['channel.missing', 'channel.not-accepted', 'channel.unknown'] as const;

export function channelChecks(ctx: CheckContext): CheckResult[] {
  const channel = ctx.content.channel;
  if (!channel) return [finding('channel.missing', 'error', '$.channel', 'The channel of transmission is not chosen.', 'Choose how the request will be sent (post, diplomatic channel, secure electronic …).')];
  const general = ctx.directory?.general;
  if (!general) return [];
  if (general.channels === null) {
    return [finding('channel.unknown', 'warning', '$.channel', 'The directory does not record which channels the requested State accepts.', 'Confirm the channel with the requested State before sending.', { channel, state: general.requested.iso3 })];
  }
  if (!general.channels.includes(channel)) {
    return [finding('channel.not-accepted', 'error', '$.channel', `The requested State does not accept requests by this channel (accepted: ${general.channels.join(', ') || 'none recorded'}).`, 'Choose an accepted channel.', { channel, accepted: general.channels.join(', ') })];
  }
  return [];
}
