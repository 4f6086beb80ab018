package dev.meshcert.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class FxTaskRunnerTest {

  final FxTaskRunner runner = new FxTaskRunner(2);

  @BeforeAll
  static void startToolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void stop() {
    runner.close();
  }

  @Test
  void worksOffTheFxThreadOnANamedDaemonThread() throws Exception {
    CompletableFuture<Thread> worker = new CompletableFuture<>();

    runner.run(TaskSpec.of("t", p -> worker.complete(Thread.currentThread())));

    Thread t = worker.get(10, TimeUnit.SECONDS);
    assertTrue(t.getName().startsWith("meshcert-worker-"), t.getName());
    assertTrue(t.isDaemon());
  }

  @Test
  void deliversTheResultOnTheFxThread() throws Exception {
    CompletableFuture<Boolean> onFx = new CompletableFuture<>();

    runner.run(
        TaskSpec.of("t", p -> 42).onSuccess(r -> onFx.complete(Platform.isFxApplicationThread())));

    assertTrue(onFx.get(10, TimeUnit.SECONDS));
  }

  @Test
  void deliversTheFailureOnTheFxThread() throws Exception {
    CompletableFuture<Throwable> failure = new CompletableFuture<>();

    runner.run(
        TaskSpec.<String>of(
                "t",
                p -> {
                  throw new IllegalStateException("boom");
                })
            .onFailure(failure::complete));

    assertInstanceOf(IllegalStateException.class, failure.get(10, TimeUnit.SECONDS));
  }

  @Test
  void reportsProgressOnTheFxThread() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();

    runner.run(
        TaskSpec.of(
                "t",
                p -> {
                  p.update(1, 2, "half");
                  Thread.sleep(200);
                  return 1;
                })
            .onProgress((f, m) -> seen.add(Platform.isFxApplicationThread() + " " + f + " " + m))
            .onSuccess(r -> done.complete(null)));

    done.get(10, TimeUnit.SECONDS);
    assertTrue(seen.contains("true 0.5 half"), seen.toString());
  }

  @Test
  void cancelledTaskDeliversNothing() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> callbacks = new CopyOnWriteArrayList<>();
    TaskHandle handle =
        runner.run(
            TaskSpec.of(
                    "t",
                    p -> {
                      started.countDown();
                      release.await(5, TimeUnit.SECONDS);
                      return 1;
                    })
                .onSuccess(r -> callbacks.add("success"))
                .onFailure(e -> callbacks.add("failure")));
    assertTrue(started.await(10, TimeUnit.SECONDS));

    handle.cancel();
    release.countDown();
    WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();

    assertEquals(List.of(), callbacks);
    assertTrue(handle.isDone());
  }

  @Test
  void workGivenAfterCloseIsNeverStarted() {
    runner.close();
    AtomicBoolean ran = new AtomicBoolean();

    TaskHandle handle =
        runner.run(
            TaskSpec.of(
                "t",
                p -> {
                  ran.set(true);
                  return 1;
                }));

    assertTrue(handle.isDone());
    assertFalse(ran.get());
  }
}
