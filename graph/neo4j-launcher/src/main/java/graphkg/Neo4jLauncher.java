package graphkg;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded with only the Bolt connector, bound to 127.0.0.1.
 *
 * <p>Usage: {@code Neo4jLauncher <dataDir> <boltPort> [pageCacheMiB] [--exit-on-stdin-eof]}. With the flag, the
 * process stops cleanly when its standard input closes, so a parent that dies (even by SIGKILL) leaves no orphan. Prints {@code NEO4J_READY bolt://...} once a
 * transaction succeeds, so the Node side can wait for one line instead of polling. Exits 2 on bad arguments, 3 when the
 * port is taken, 4 when the store is locked by another process, 1 on any other start failure.
 */
public final class Neo4jLauncher {
  private Neo4jLauncher() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: Neo4jLauncher <dataDir> <boltPort> [pageCacheMiB]");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    long pageCacheMiB = args.length > 2 && !args[2].startsWith("--") ? Long.parseLong(args[2]) : 256;
    boolean exitOnStdinEof = java.util.Arrays.asList(args).contains("--exit-on-stdin-eof");
    Files.createDirectories(home);

    // Fail fast with a clear message instead of Neo4j's long stack trace when another process has the port.
    if (!portIsFree(port)) {
      System.err.println("NEO4J_ERROR port_in_use 127.0.0.1:" + port);
      System.exit(3);
    }

    DatabaseManagementService dbms;
    try {
      dbms =
          new DatabaseManagementServiceBuilder(home)
              .setConfig(BoltConnector.enabled, true)
              .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
              .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
              .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
              .setConfig(HttpConnector.enabled, false)
              .setConfig(GraphDatabaseSettings.auth_enabled, false)
              .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
              .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(60))
              .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
              .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
              .build();
    } catch (RuntimeException e) {
      reportStartFailure(e);
      System.exit(isLockFailure(e) ? 4 : 1);
      return;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    final DatabaseManagementService service = dbms;
    // SIGTERM and SIGINT run shutdown hooks: close the store cleanly so the next start needs no recovery.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("NEO4J_STOPPING");
                  service.shutdown();
                  System.out.println("NEO4J_STOPPED");
                  stopped.countDown();
                }));

    try {
      service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    } catch (RuntimeException e) {
      reportStartFailure(e);
      System.exit(isLockFailure(e) ? 4 : 1);
    }
    System.out.println("NEO4J_READY bolt://127.0.0.1:" + port + " data=" + home);
    System.out.flush();
    if (exitOnStdinEof) {
      Thread watcher =
          new Thread(
              () -> {
                try {
                  while (System.in.read() != -1) {
                    // Ignore input; only the end of the stream matters.
                  }
                } catch (IOException ignored) {
                  // A broken pipe means the parent is gone, same as EOF.
                }
                System.exit(0);
              },
              "parent-watch");
      watcher.setDaemon(true);
      watcher.start();
    }
    stopped.await();
  }

  private static boolean portIsFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isLockFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getName();
      String msg = String.valueOf(t.getMessage());
      if (name.contains("FileLockException") || msg.contains("Lock file has been locked")) {
        return true;
      }
    }
    return false;
  }

  private static void reportStartFailure(Throwable e) {
    if (isLockFailure(e)) {
      System.err.println("NEO4J_ERROR store_locked " + e.getMessage());
    } else {
      System.err.println("NEO4J_ERROR start_failed " + e);
    }
    e.printStackTrace();
  }
}
