/**
 * MESSAGE PUBLISH: buffers the message for its time to live and correlates it to the open
 * subscriptions, then to message start events — at most once per BPMN process id (Zeebe's
 * MessagePublishProcessor).
 */
import type { Message } from '../../state/MessageState';
import type { MessageValue } from '../../state/protocol/values';
import type { CommandProcessor } from '../CommandProcessor';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';
import type { MessageCorrelateBehavior } from './MessageCorrelateBehavior';

export class MessagePublishProcessor implements CommandProcessor<MessageValue> {
  constructor(private readonly correlation: MessageCorrelateBehavior) {}

  process(command: TypedCommand<MessageValue>, ctx: ProcessingContext): void {
    const request = command.value;
    if (
      request.messageId !== '' &&
      ctx.state.messages.exists(
        request.tenantId,
        request.name,
        request.correlationKey,
        request.messageId,
      )
    ) {
      return ctx.reject(
        'ALREADY_EXISTS',
        `Expected to publish a new message with id '${request.messageId}', but a message with that id was already published`,
      );
    }
    const key = ctx.state.keys.nextKey();
    const value: MessageValue = { ...request, deadline: ctx.now + Math.max(0, request.timeToLive) };
    ctx.writers.appendEvent(key, 'MESSAGE', 'PUBLISHED', value);
    ctx.respond({ key, tenantId: request.tenantId });
    const message: Message = { key, ...value };
    const correlated = new Set<string>();
    for (const subscription of ctx.state.subscriptions.forMessage(
      value.tenantId,
      value.name,
      value.correlationKey,
    )) {
      if (correlated.has(subscription.bpmnProcessId)) continue;
      if (this.correlation.correlate(subscription, message))
        correlated.add(subscription.bpmnProcessId);
    }
    this.correlation.correlateToStartEvents(message, correlated);
    if (request.timeToLive <= 0) ctx.writers.appendEvent(key, 'MESSAGE', 'EXPIRED', value);
  }
}
