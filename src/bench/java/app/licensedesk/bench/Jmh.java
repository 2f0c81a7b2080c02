package app.licensedesk.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs one JMH benchmark method from this JVM's class path and hands back its statistics. */
final class Jmh {

    /** Monocle, headless, software rendering: as the UI tests run (pom.xml, surefire's argLine). */
    static final List<String> HEADLESS_FX = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dheadless.geometry=1600x1000-32", "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true",
            "-Duser.language=en", "-Duser.country=US");

    private Jmh() {
    }

    /** What a run gives: the primary result's percentiles in the benchmark's unit, the sample count. */
    record Result(double median, double p99, long samples, double mean, List<Double> iterationScores, String unit) {
    }

    static Result run(Class<?> benchmark, String method, int forks, int warmups, int iterations, int secondsEach,
                      List<String> jvmArgs) {
        return run(new OptionsBuilder(), benchmark, method, forks, warmups, iterations, secondsEach, jvmArgs);
    }

    /** A single-shot benchmark with one value of one parameter: each iteration is one invocation. */
    static Result runParam(Class<?> benchmark, String method, String param, String value, int forks, int warmups,
                           int iterations, List<String> jvmArgs) {
        return run(new OptionsBuilder().param(param, value), benchmark, method, forks, warmups, iterations, 1,
                jvmArgs);
    }

    static Result run(ChainedOptionsBuilder builder, Class<?> benchmark, String method, int forks,
                              int warmups, int iterations, int secondsEach, List<String> jvmArgs) {
        ChainedOptionsBuilder options = builder
                .include(benchmark.getName() + "." + method + "$")
                .forks(forks)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(secondsEach))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(secondsEach))
                .shouldFailOnError(true);
        List<String> args = new ArrayList<>(List.of("-Xmx1g", "-Xms1g"));
        args.addAll(jvmArgs);
        options.jvmArgs(args.toArray(String[]::new));
        try {
            Collection<RunResult> results = new Runner(options.build()).run();
            if (results.size() != 1) {
                throw new IllegalStateException("JMH ran " + results.size() + " benchmarks for " + method);
            }
            RunResult result = results.iterator().next();
            var statistics = result.getPrimaryResult().getStatistics();
            List<Double> scores = new ArrayList<>();
            result.getBenchmarkResults().forEach(b -> b.getIterationResults()
                    .forEach(i -> scores.add(i.getPrimaryResult().getScore())));
            return new Result(statistics.getPercentile(50), statistics.getPercentile(99), statistics.getN(),
                    statistics.getMean(), scores, result.getPrimaryResult().getScoreUnit());
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed on " + method, e);
        }
    }
}
