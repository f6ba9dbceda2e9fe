/**
 * A worker API exposed on one end of a MessageChannel and wrapped on the other, as a worker and
 * the page do, for tests that run the worker's code in-process. Call `comlinkPairs()` once at a
 * test file's top level: the channels are closed after each test.
 */
import * as Comlink from 'comlink';
import { afterEach } from 'vitest';

export function comlinkPairs(): <T extends object>(api: T) => Comlink.Remote<T> {
  const channels: MessageChannel[] = [];
  afterEach(() => {
    for (const c of channels.splice(0)) {
      c.port1.close();
      c.port2.close();
    }
  });
  return <T extends object>(api: T) => {
    const channel = new MessageChannel();
    channels.push(channel);
    Comlink.expose(api, channel.port1);
    return Comlink.wrap<T>(channel.port2);
  };
}
