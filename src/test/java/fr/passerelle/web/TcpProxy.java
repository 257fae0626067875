package fr.passerelle.web;

import fr.passerelle.it.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on port 0 in front of a node, so that a test can cut every connection the browser holds, as a phone
 * losing its network does, while the browser still reaches the node afterwards.
 */
final class TcpProxy implements AutoCloseable {
  private final NetServer server;
  private final NetClient client;
  private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicBoolean down = new AtomicBoolean();

  private TcpProxy(NetServer server, NetClient client) {
    this.server = server;
    this.client = client;
  }

  static TcpProxy start(Vertx vertx, int targetPort) {
    NetClient client = vertx.createNetClient();
    NetServer server = vertx.createNetServer();
    TcpProxy proxy = new TcpProxy(server, client);
    server.connectHandler(inbound -> proxy.relay(inbound, targetPort));
    TestNode.await(server.listen(0, "127.0.0.1"));
    return proxy;
  }

  private void relay(NetSocket inbound, int targetPort) {
    if (down.get()) {
      inbound.close(); // no network: the browser's attempt fails at once, as it would offline
      return;
    }
    inbound.pause();
    accepted.incrementAndGet();
    open.add(inbound);
    client.connect(targetPort, "127.0.0.1").onSuccess(outbound -> {
      open.add(outbound);
      inbound.pipeTo(outbound);
      outbound.pipeTo(inbound);
      inbound.closeHandler(v -> open.remove(inbound));
      outbound.closeHandler(v -> open.remove(outbound));
      inbound.resume();
    }).onFailure(e -> inbound.close());
  }

  /** Connections accepted so far: a reconnect shows as one more. */
  int accepted() {
    return accepted.get();
  }

  int port() {
    return server.actualPort();
  }

  /** Cuts every connection now; new ones are relayed as before. */
  void dropAll() {
    open.forEach(NetSocket::close);
    open.clear();
  }

  /** Cuts every connection now and refuses new ones until {@link #restore}: a network that stays down a while. */
  void cut() {
    down.set(true);
    dropAll();
  }

  /** The network is back: new connections are relayed again. */
  void restore() {
    down.set(false);
  }

  @Override
  public void close() {
    dropAll();
    TestNode.await(server.close());
    TestNode.await(client.close());
  }
}
