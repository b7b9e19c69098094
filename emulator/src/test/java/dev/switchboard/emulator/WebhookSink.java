package dev.switchboard.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A local HTTP receiver for the emulator's webhooks: records every request and answers a settable status. */
final class WebhookSink implements AutoCloseable {
    record Received(String path, String signature, String timestamp, String pinlessSignature, String pinlessTimestamp,
                    String body) {
        JsonNode json() {
            try {
                return TestHttp.JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String type() {
            return json().path("type").asText(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private volatile int status = 200;

    WebhookSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers = exchange.getRequestHeaders();
            synchronized (received) {
                received.add(new Received(exchange.getRequestURI().getPath(), headers.getFirst("X-Webhook-Signature"),
                        headers.getFirst("X-Webhook-Timestamp"), headers.getFirst("X-Pinless-Signature"),
                        headers.getFirst("X-Pinless-Timestamp"), new String(body, StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answer(int value) {
        status = value;
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Event types received (probes left out), in arrival order. */
    List<String> eventTypes() {
        return received().stream().map(Received::type).filter(t -> t != null).toList();
    }

    static String sign(String base64Key, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
