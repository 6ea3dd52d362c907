/** The job channels of the gateway, one per job type while anybody waits for that type. */
import type { Logger } from 'pino';
import type { EngineApi } from '../../api';
import { JobChannel } from './JobChannel';

export class JobChannels {
  private readonly channels = new Map<string, JobChannel>();

  constructor(
    private readonly engine: EngineApi,
    private readonly logger: Logger,
  ) {}

  forType(type: string): JobChannel {
    let channel = this.channels.get(type);
    if (!channel) {
      channel = new JobChannel(type, this.engine, this.logger, (idle) => {
        if (this.channels.get(type) === idle) this.channels.delete(type);
      });
      this.channels.set(type, channel);
    }
    return channel;
  }

  /** Ends every long poll and job stream. */
  async close(): Promise<void> {
    await Promise.all([...this.channels.values()].map((channel) => channel.close()));
    this.channels.clear();
  }
}
