import { seedCountyPeople, type CountyPeople } from './case-fixtures';
import { createTestServer, type TestServer } from './test-server';
import { connectLive, type LiveClient } from './ws-client';

/** A server and a seeded county for a live test, and a way to open sockets that are all closed after the tests. */
export interface LiveCounty {
  readonly t: TestServer;
  readonly p: CountyPeople;
  connect(token: string | undefined): LiveClient;
}

/**
 * Starts one server with a seeded county for the enclosing `describe`, with no background work that would send
 * events or close sockets of its own during the tests: no deadline scan, and the heartbeat's re-check of the
 * users an hour away (a socket closed within a test was closed by what the test did).
 */
export function liveCounty(): LiveCounty {
  const sockets: LiveClient[] = [];
  const county = {
    t: undefined as unknown as TestServer,
    p: undefined as unknown as CountyPeople,
    connect(token: string | undefined) {
      const live = connectLive(county.t.wsUrl, token);
      sockets.push(live);
      return live;
    },
  };
  beforeAll(async () => {
    county.t = await createTestServer({ DEADLINE_SCAN_INTERVAL_MS: '3600000', WS_HEARTBEAT_MS: '600000' });
    county.p = await seedCountyPeople(county.t);
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await county.t?.close();
  });
  return county;
}
