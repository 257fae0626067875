package fr.passerelle.app;

import fr.passerelle.cli.IntakeCommand;
import fr.passerelle.cli.KeysCommand;
import fr.passerelle.config.ConfigException;
import fr.passerelle.config.ConfigLoader;
import fr.passerelle.config.PasserelleConfig;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.LogManager;

/**
 * {@code java -jar passerelle.jar [--config FILE]}: loads the configuration and runs one node until SIGTERM.
 * Exits 2 on invalid configuration, 1 when the node cannot start. {@code keys ...} runs the offline key tool
 * instead, {@code intake ...} the intake officer's key tool.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Before any configuration is read: the key tool runs on the admin's offline machine, not on a node.
    if (args.length > 0 && args[0].equals("keys")) {
      System.exit(KeysCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
      return;
    }
    // The intake officer's tool for their association's key: on their machine, with no configuration either.
    if (args.length > 0 && args[0].equals("intake")) {
      System.exit(IntakeCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
      return;
    }
    PasserelleConfig config;
    try {
      config = load(args, System.getenv());
    } catch (ConfigException e) {
      System.err.println("passerelle: invalid configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    configureLogging();
    Observability observability = Observability.create();
    AtomicReference<Passerelle> running = new AtomicReference<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running.get(), observability, config),
        "passerelle-shutdown"));
    try {
      Passerelle node = await(Passerelle.start(observability.vertx(), config, observability.registry(),
          Clock.systemUTC()));
      running.set(node);
      boolean adminCreated = await(AdminBootstrap.run(config.bootstrap(), node.services().stores().staff(),
          node.staff()));
      if (config.demo().enabled()) {
        String password = DemoData.password(config.demo());
        await(DemoData.seed(node.staff(), password));
        Banner.demo(config, node, password, config.demo().password().isEmpty());
      } else {
        Banner.started(node, adminCreated);
      }
    } catch (ConfigException e) {
      System.err.println("passerelle: invalid configuration: " + e.getMessage());
      System.exit(2);
    } catch (Exception e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      System.err.println("passerelle: could not start: " + cause.getClass().getSimpleName() + ": "
          + cause.getMessage());
      System.exit(1);
    }
  }

  /** {@code --config FILE}, else the file named by {@code PASSERELLE_CONFIG}, then the environment. */
  static PasserelleConfig load(String[] args, Map<String, String> env) {
    for (int i = 0; i < args.length; i++) {
      if ("--config".equals(args[i])) {
        if (i + 1 == args.length) {
          throw new ConfigException("--config needs a file name");
        }
        return ConfigLoader.load(Optional.of(Path.of(args[i + 1])), env);
      }
    }
    return ConfigLoader.load(env);
  }

  private static void stop(Passerelle node, Observability observability, PasserelleConfig config) {
    try {
      Future<Void> stopped = node == null ? Future.succeededFuture() : node.stop();
      await(stopped.eventually(observability::close), config.http().shutdownGrace().toMillis());
    } catch (Exception e) {
      System.err.println("passerelle: shutdown did not finish cleanly: " + e.getClass().getSimpleName());
    }
  }

  /** Our log format and levels, unless the operator points {@code java.util.logging.config.file} elsewhere. */
  private static void configureLogging() {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    try (InputStream in = Main.class.getResourceAsStream("/passerelle-logging.properties")) {
      if (in != null) {
        LogManager.getLogManager().readConfiguration(in);
      }
    } catch (IOException e) {
      System.err.println("passerelle: default logging configuration unreadable; using the JVM's");
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return await(future, 30_000);
  }

  private static <T> T await(Future<T> future, long millis) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(millis, TimeUnit.MILLISECONDS);
  }
}
