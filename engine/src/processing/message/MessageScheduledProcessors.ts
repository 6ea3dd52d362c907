/**
 * Internal message commands: PROCESS_MESSAGE_SUBSCRIPTION CORRELATE (a subscription was opened
 * while matching messages are buffered: the first one, in publish order, that has not yet
 * correlated to this process) and MESSAGE EXPIRE (time to live is over).
 */
import type { MessageSubscriptionValue, MessageValue } from '../../state/protocol/values';
import type { CommandProcessor } from '../CommandProcessor';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';
import type { MessageCorrelateBehavior } from './MessageCorrelateBehavior';

export class SubscriptionCorrelateProcessor implements CommandProcessor<MessageSubscriptionValue> {
  constructor(private readonly correlation: MessageCorrelateBehavior) {}

  process(command: TypedCommand<MessageSubscriptionValue>, ctx: ProcessingContext): void {
    const subscription = ctx.state.subscriptions.get(command.key);
    if (!subscription) {
      return ctx.reject(
        'NOT_FOUND',
        `Expected to correlate subscription with key '${command.key}', but no such subscription was found`,
      );
    }
    const messages = ctx.state.messages.buffered(
      subscription.tenantId,
      subscription.messageName,
      subscription.correlationKey,
    );
    const message = messages.find(
      (m) =>
        m.deadline > ctx.now &&
        !ctx.state.messages.isCorrelatedTo(m.key, subscription.bpmnProcessId),
    );
    if (message) this.correlation.correlate(subscription, message);
  }
}

export class MessageExpireProcessor implements CommandProcessor {
  process(command: TypedCommand, ctx: ProcessingContext): void {
    const message = ctx.state.messages.get(command.key);
    if (!message || message.deadline > ctx.now) {
      return ctx.reject(
        'NOT_FOUND',
        `Expected to expire message with key '${command.key}', but no such message was found`,
      );
    }
    const value: MessageValue = {
      name: message.name,
      correlationKey: message.correlationKey,
      messageId: message.messageId,
      timeToLive: message.timeToLive,
      deadline: message.deadline,
      variables: message.variables,
      tenantId: message.tenantId,
    };
    ctx.writers.appendEvent(message.key, 'MESSAGE', 'EXPIRED', value);
  }
}
