package dev.switchboard.cli.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.DebugMixin;
import dev.switchboard.cli.support.OutputFormat;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.core.http.HttpJson;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.io.SecureFiles;
import dev.switchboard.daily.WebhookVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code switchboard daily webhooks listen}: a local receiver that verifies Daily's signed requests and prints the
 * telephony events. Runs until interrupted, or until {@code --max-events} events were accepted.
 */
@Command(name = "listen",
        description = {"Receive Daily webhooks on 127.0.0.1:PORT, verify them and print dialin.*, dialout.*, "
                + "calltransfer.* and participant.* events (--output json: one JSON envelope per line).",
                "Event webhooks are checked with DAILY_WEBHOOK_HMAC (X-Webhook-Signature/-Timestamp), pinless dial-in "
                        + "webhooks with DAILY_PINLESS_HMAC (X-Pinless-*). Bad signatures, timestamps further than "
                        + "--tolerance from now and replays get 401. The hmacs are never printed. --save FILE appends "
                        + "every accepted event for 'calls transfer --wait'."})
final class WebhooksListenCommand implements Callable<Integer> {
    static final String PINLESS_HMAC_VARIABLE = "DAILY_PINLESS_HMAC";
    private static final List<String> PRINTED = List.of("dialin.", "dialout.", "calltransfer.", "participant.");

    private final CliContext context;
    @Mixin
    OutputMixin output;
    @Mixin
    DebugMixin debug;
    @Option(names = "--port", paramLabel = "N", defaultValue = "8787", description = "Port (0: any free one). Default ${DEFAULT-VALUE}.")
    int port;
    @Option(names = "--bind", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Address to listen on.")
    String bind;
    @Option(names = "--tolerance", paramLabel = "DURATION", defaultValue = "5m",
            description = "Accept timestamps at most this far from now, e.g. 30s or 5m (default: ${DEFAULT-VALUE}).")
    Duration tolerance;
    @Option(names = "--save", paramLabel = "FILE", description = "Append every accepted event (one JSON line) to FILE.")
    String save;
    @Option(names = "--all", description = "Print every accepted event type, not only the telephony ones.")
    boolean all;
    @Option(names = "--max-events", paramLabel = "N", defaultValue = "0", description = "Stop after N accepted events.")
    int maxEvents;

    WebhooksListenCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Optional<Secret> eventHmac = context.settings().secret(WebhooksCommand.HMAC_VARIABLE);
        Optional<Secret> pinlessHmac = context.settings().secret(PINLESS_HMAC_VARIABLE);
        if (eventHmac.isEmpty() && pinlessHmac.isEmpty()) {
            throw CliException.credentials("set " + WebhooksCommand.HMAC_VARIABLE + " (event webhooks) and/or "
                    + PINLESS_HMAC_VARIABLE + " (pinless dial-in webhooks): without an hmac nothing can be verified");
        }
        Path saveFile = save == null ? null : context.resolve(save);
        // without --max-events nothing counts the latch down: the receiver runs until interrupted
        CountDownLatch done = new CountDownLatch(maxEvents > 0 ? maxEvents : 1);
        try (WebhookReceiver receiver = new WebhookReceiver(bind, port,
                eventHmac.map(h -> new WebhookVerifier(h, tolerance, context.clock())).orElse(null),
                pinlessHmac.map(h -> new WebhookVerifier(h, tolerance, context.clock())).orElse(null),
                arrival -> show(arrival, saveFile, done))) {
            context.err().println("listening on http://" + bind + ":" + receiver.port() + "/ (event webhooks: "
                    + (eventHmac.isPresent() ? "verified" : "refused") + ", pinless: "
                    + (pinlessHmac.isPresent() ? "verified" : "refused") + ")"
                    + (saveFile == null ? "" : "; saving events to " + saveFile) + "; Ctrl-C to stop");
            context.err().flush();
            done.await();
        } catch (IOException e) {
            throw CliException.precondition("cannot listen on " + bind + ":" + port + ": " + e.getMessage());
        } catch (IllegalArgumentException badHmac) {
            throw CliException.invalidInput(badHmac.getMessage());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private void show(WebhookReceiver.Arrival arrival, Path saveFile, CountDownLatch done) {
        PrintWriter out = context.out();
        boolean json = output.format() == OutputFormat.JSON;
        if (arrival instanceof WebhookReceiver.Arrival.Probe) {
            context.err().println("answered a verification request");
        } else if (arrival instanceof WebhookReceiver.Arrival.Rejected rejected) {
            context.err().println("rejected from " + rejected.remote() + ": " + rejected.reason());
        } else if (arrival instanceof WebhookReceiver.Arrival.PinlessCall call) {
            trace(call.body());
            ObjectNode line = HttpJson.object().put("type", "pinless.dialin");
            line.set("payload", call.body());
            out.println(json ? HttpJson.write(line) : "pinless dial-in To=" + call.body().path("To").asText()
                    + " From=" + call.body().path("From").asText() + " callId=" + call.body().path("callId").asText());
            accepted(done);
        } else if (arrival instanceof WebhookReceiver.Arrival.Event event) {
            JsonNode envelope = event.envelope();
            trace(envelope);
            append(saveFile, envelope);
            String type = envelope.path("type").asText("");
            if (all || PRINTED.stream().anyMatch(type::startsWith)) {
                out.println(json ? HttpJson.write(envelope) : EventLines.describe(envelope));
            }
            accepted(done);
        }
        out.flush();
        context.err().flush();
    }

    /** With --debug, every accepted body in full on stderr (bodies hold no secrets; the hmacs are headers). */
    private void trace(JsonNode body) {
        if (debug.on()) {
            context.err().println("debug: accepted " + HttpJson.write(body));
        }
    }

    private void accepted(CountDownLatch done) {
        if (maxEvents > 0) {
            done.countDown();
        }
    }

    private static void append(Path file, JsonNode envelope) {
        if (file == null) {
            return;
        }
        try {
            if (Files.notExists(file)) {
                SecureFiles.writeString(file, "", true);
            }
            Files.writeString(file, HttpJson.write(envelope) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }
}
