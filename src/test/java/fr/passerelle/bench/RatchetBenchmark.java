package fr.passerelle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks of {@link RatchetMessages} (docs/benchmarks.md): one forked JVM, one thread, 3 warm-up and
 * 5 measured iterations of 2 s for each benchmark and size. Prints one {@code BENCH ratchet} line per result, in
 * messages (encrypt and decrypt) per second on one core.
 */
@Tag("benchmark")
class RatchetBenchmark {

  @Test
  void ratchetMessagesPerSecond() throws Exception {
    Options options = new OptionsBuilder()
        .include(RatchetMessages.class.getName() + "\\.")
        .forks(1)
        .threads(1)
        .warmupIterations(3)
        .warmupTime(TimeValue.seconds(2))
        .measurementIterations(5)
        .measurementTime(TimeValue.seconds(2))
        .timeUnit(TimeUnit.SECONDS)
        .build();
    Collection<RunResult> results = new Runner(options).run();

    assertThat(results).hasSize(4);
    for (RunResult result : results) {
      var primary = result.getPrimaryResult();
      new BenchReport("ratchet")
          .put("benchmark", result.getParams().getBenchmark().replaceAll(".*\\.", ""))
          .put("content_bytes", result.getParams().getParam("size"))
          .put("messages_per_s", primary.getScore())
          .put("error_99_9", primary.getScoreError())
          .print();
      assertThat(primary.getScore()).isPositive();
    }
  }
}
