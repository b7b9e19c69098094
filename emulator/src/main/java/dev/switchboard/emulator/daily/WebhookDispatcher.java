package dev.switchboard.emulator.daily;

import dev.switchboard.emulator.server.EmulatedClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends signed webhooks. Event deliveries are queued and sent in order on one background thread, so handlers never
 * wait for a receiver; {@link #awaitIdle} lets tests wait until everything queued has been sent. Signature:
 * {@code base64(HMAC-SHA256(base64decode(hmac), timestamp + "." + body))}; event webhooks carry the emulated
 * clock in whole seconds, the pinless webhook in milliseconds (as real traffic does).
 */
final class WebhookDispatcher implements AutoCloseable {
    /** One attempt to deliver an event: the receiver's status, 0 when it could not be reached. */
    record DeliveryAttempt(String webhookUuid, String eventType, String eventId, int status) {
    }

    record Delivery(WebhookSubscription subscription, String url, String hmac, String basicAuth, String eventType,
                    String eventId, byte[] body) {
    }

    private static final int EXPONENTIAL_ATTEMPTS = 6;

    private final EmulatedClock clock;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "daily-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final List<DeliveryAttempt> attempts = new ArrayList<>();
    private int pending;

    WebhookDispatcher(EmulatedClock clock) {
        this.clock = clock;
    }

    void enqueue(Delivery delivery) {
        synchronized (this) {
            pending++;
        }
        sender.execute(() -> {
            try {
                deliver(delivery);
            } finally {
                synchronized (this) {
                    pending--;
                    notifyAll();
                }
            }
        });
    }

    /** Waits until every queued delivery has been attempted; false on timeout. */
    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized List<DeliveryAttempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Sends one signed POST now and returns the status (0 when unreachable); for probes and pinless calls. */
    int sendSigned(String url, String hmac, String signaturePrefix, boolean millis, String basicAuth, byte[] body) {
        String timestamp = String.valueOf(millis ? clock.now().toEpochMilli() : clock.now().getEpochSecond());
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        } catch (IllegalArgumentException badUrl) {
            return 0;
        }
        if (hmac != null) {
            request.header(signaturePrefix + "-Signature", sign(hmac, timestamp, body))
                    .header(signaturePrefix + "-Timestamp", timestamp);
        }
        if (basicAuth != null && !basicAuth.isBlank()) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (java.io.IOException | RuntimeException unreachable) {
            return 0;
        }
    }

    private void deliver(Delivery delivery) {
        WebhookSubscription subscription = delivery.subscription();
        int tries = subscription.exponential() ? EXPONENTIAL_ATTEMPTS : 1;
        for (int attempt = 0; attempt < tries; attempt++) {
            if (!subscription.active()) {
                record(delivery, -1);
                return;
            }
            int status = sendSigned(delivery.url(), delivery.hmac(), "X-Webhook", false, delivery.basicAuth(),
                    delivery.body());
            record(delivery, status);
            if (status >= 200 && status < 300) {
                subscription.delivered(clock.now());
                return;
            }
        }
        subscription.failed();
    }

    private synchronized void record(Delivery delivery, int status) {
        attempts.add(new DeliveryAttempt(delivery.subscription().uuid, delivery.eventType(), delivery.eventId(), status));
    }

    static String sign(String hmac, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(hmac), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }


    @Override
    public void close() {
        sender.shutdownNow();
    }
}
