package dev.switchboard.core.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The JDK HTTP clients behind every {@link HttpApi}: one can be built ahead of need, and their idle threads
 * are stopped just before the process exits. Both are about a command's start and end on 2 cores, where
 * they cost more than most commands' requests.
 */
public final class HttpClients {
    /** The connect timeout the clients of this process are built with unless told otherwise. */
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicReference<CompletableFuture<HttpClient>> AHEAD = new AtomicReference<>();

    private HttpClients() {
    }

    /**
     * Starts building one client (default connect timeout) on a daemon thread, for the first {@link HttpApi}
     * to take. The first client of a process initialises TLS (the default {@code SSLContext} and its trust
     * store): 0.3 to 0.7 s of CPU that can run beside the command line's parsing instead of after it.
     * Later clients take a few milliseconds. Does nothing when called again.
     */
    public static void prepare() {
        CompletableFuture<HttpClient> future = new CompletableFuture<>();
        if (!AHEAD.compareAndSet(null, future)) {
            return;
        }
        Thread builder = new Thread(() -> {
            try {
                future.complete(build(DEFAULT_CONNECT_TIMEOUT, false));
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "switchboard-http-prepare");
        builder.setDaemon(true);
        builder.start();
    }

    /**
     * A client for one {@link HttpApi}: the one {@link #prepare()} built, if unclaimed and alike, or a new one. A
     * plain-http client (the loopback emulator) sets up no TLS at all (see {@link NoTls}), so it never waits for
     * the prepared one.
     */
    static HttpClient newClient(Duration connectTimeout, boolean plainHttp) {
        if (plainHttp) {
            return build(connectTimeout, true);
        }
        CompletableFuture<HttpClient> prepared = AHEAD.get();
        if (prepared != null && connectTimeout.equals(DEFAULT_CONNECT_TIMEOUT)
                && AHEAD.compareAndSet(prepared, CompletableFuture.failedFuture(new IllegalStateException("claimed")))) {
            try {
                return prepared.join();
            } catch (RuntimeException preparationFailed) {
                // built again below, where a failure reaches the caller
            }
        }
        return build(connectTimeout, false);
    }

    private static HttpClient build(Duration connectTimeout, boolean plainHttp) {
        HttpClient.Builder options = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (plainHttp) {
            options.sslContext(NoTls.context()).sslParameters(NoTls.parameters());
        }
        return options.build();
    }

    /**
     * Call just before the process exits, once every request is answered. Each JDK client keeps a selector
     * thread blocked in a native call, and at exit the VM waits up to 300 ms for threads in native code to
     * return ({@code VM_Exit::wait_for_threads_in_native_to_block}): a third of a second added to every
     * command that made a request. An interrupt ends the selector's loop (JDK 17 has no
     * {@code HttpClient.close()}), so the VM exits at once.
     */
    public static void stopForExit() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            if (threads[i].getName().matches("HttpClient-\\d+-SelectorManager")) {
                threads[i].interrupt();
            }
        }
    }
}
