package app.licensedesk.ui.common;

import app.licensedesk.model.ErrorKind;
import static org.assertj.core.api.Assertions.assertThat;

import app.licensedesk.api.ApiException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {

    @Test
    void workRunsInBackgroundAndResultComesBackOnFxExecutor() {
        Queue<Runnable> background = new ArrayDeque<>();
        Queue<Runnable> fx = new ArrayDeque<>();
        TaskRunner runner = new TaskRunner(background::add, fx::add);
        List<String> results = new ArrayList<>();
        runner.run("load", () -> "done", results::add, e -> results.add("failed"));
        assertThat(runner.running()).containsExactly("load");
        assertThat(runner.busyProperty().get()).isTrue();
        background.poll().run();
        assertThat(results).isEmpty(); // not before the FX executor runs it
        fx.poll().run();
        assertThat(results).containsExactly("done");
        assertThat(runner.running()).isEmpty();
        assertThat(runner.busyProperty().get()).isFalse();
    }

    @Test
    void progressUpdatesArriveInOrderBeforeTheResult() {
        TaskRunner runner = TaskRunner.inline();
        List<String> seen = new ArrayList<>();
        runner.<String, Integer>run("count", publish -> {
            publish.accept(1);
            publish.accept(2);
            return "end";
        }, n -> seen.add("update " + n), seen::add, e -> seen.add("failed"));
        assertThat(seen).containsExactly("update 1", "update 2", "end");
    }

    @Test
    void failureClearsBusyAndReachesTheHandler() {
        TaskRunner runner = TaskRunner.inline();
        List<Throwable> errors = new ArrayList<>();
        runner.run("x", () -> {
            throw new ApiException(ErrorKind.NOT_FOUND, 404, null, "nope", null, null);
        }, r -> { }, errors::add);
        assertThat(errors).singleElement().isInstanceOf(ApiException.class);
        assertThat(runner.busyProperty().get()).isFalse();
    }

    @Test
    void signedOutFailureIsRetriedAfterReauthentication() {
        TaskRunner runner = TaskRunner.inline();
        AtomicInteger calls = new AtomicInteger();
        List<String> results = new ArrayList<>();
        runner.setReauthenticator((retry, giveUp) -> retry.run());
        runner.run("x", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new ApiException(ErrorKind.SIGNED_OUT, "expired", null);
            }
            return "second try";
        }, results::add, e -> results.add("failed"));
        assertThat(results).containsExactly("second try");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void signedOutFailureFailsWhenTheUserCancels() {
        TaskRunner runner = TaskRunner.inline();
        List<Throwable> errors = new ArrayList<>();
        runner.setReauthenticator((retry, giveUp) -> giveUp.run());
        runner.run("x", () -> {
            throw new ApiException(ErrorKind.SIGNED_OUT, "expired", null);
        }, r -> { }, errors::add);
        assertThat(errors).singleElement()
                .satisfies(e -> assertThat(((ApiException) e).kind()).isEqualTo(ErrorKind.SIGNED_OUT));
    }
}
