package fr.passerelle.app;

import fr.passerelle.config.ConfigException;
import fr.passerelle.config.ConfigLoader;
import fr.passerelle.config.PasserelleConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** {@code java -jar passerelle.jar [--config FILE]}: loads the configuration and runs one node until SIGTERM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    PasserelleConfig config;
    try {
      config = ConfigLoader.load(configFile(args), System.getenv());
    } catch (ConfigException e) {
      System.err.println("passerelle: invalid configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    Observability observability = Observability.create();
    Passerelle node = Passerelle.start(observability.vertx(), config, observability.registry(), Clock.systemUTC())
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    if (config.demo().enabled()) {
      String password = DemoData.password(config.demo());
      DemoData.seed(node.staff(), password).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      Banner.demo(config, node, password, config.demo().password().isEmpty());
    } else {
      Banner.started(node);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        node.stop().eventually(observability::close).toCompletionStage().toCompletableFuture()
            .get(config.http().shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        System.err.println("passerelle: shutdown did not finish cleanly: " + e.getClass().getSimpleName());
      }
    }, "passerelle-shutdown"));
  }

  private static Optional<Path> configFile(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if ("--config".equals(args[i])) {
        if (i + 1 == args.length) {
          throw new ConfigException("--config needs a file name");
        }
        return Optional.of(Path.of(args[i + 1]));
      }
    }
    return Optional.empty();
  }
}
