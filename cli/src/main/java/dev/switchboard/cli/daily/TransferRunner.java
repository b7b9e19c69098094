package dev.switchboard.cli.daily;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.Durations;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.Table;
import dev.switchboard.core.http.UnknownOutcomeException;
import dev.switchboard.daily.CallEndpoint;
import dev.switchboard.daily.CallTransferRequest;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.TransferAdvice;
import dev.switchboard.daily.TransferAdvisor;
import dev.switchboard.daily.TransferMethod;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sends one transfer or REFER and, with {@code --wait}, follows it through the webhook events until it ends:
 * a call transfer at {@code calltransfer.answered} (or {@code completed} with {@code --wait-for completed}), a
 * REFER at {@code calltransfer.initiated} (Daily sends no answered/completed for REFER), a failure at any
 * {@code *.error} event of the session. If Daily's answer is lost, the events still tell what happened.
 */
final class TransferRunner {
    private static final Set<String> WAIT_FOR = Set.of("answered", "completed");

    /** What the command prints: the method, why, what it costs, and how it ended ({@code events} with --wait). */
    record Result(String room, String sessionId, String to, String method, String reason, String cost,
                  String outcome, List<String> events) {
    }

    private final CliContext context;
    private final TransferOptions options;

    TransferRunner(CliContext context, TransferOptions options) {
        this.context = context;
        this.options = options;
    }

    CallEndpoint target() {
        return CallEndpoint.parse(options.to);
    }

    CallEndpoint origin() {
        return options.from == null ? null : CallEndpoint.parse(options.from);
    }

    /** A REFER the rules allow, or a refusal naming the rule. */
    TransferAdvice checkedRefer() {
        CallEndpoint target = target();
        TransferAdvisor.referRuledOut(origin(), target, !options.noReferSupport).ifPresent(reason -> {
            throw CliException.precondition("REFER refused: " + reason + ". Use 'switchboard daily calls transfer' "
                    + "(sipCallTransfer) instead; nothing was sent");
        });
        String reason = origin() == null
                ? "asked for explicitly; the caller's origin was not given, so make sure it is an external SIP system "
                + "that supports REFER"
                : "both ends are outside Daily's SIP network";
        return new TransferAdvice(TransferMethod.SIP_REFER, reason, TransferAdvisor.referCost());
    }

    int run(DailyClient client, TransferAdvice advice, String callerId, OutputMixin output) {
        if (options.await && !WAIT_FOR.contains(options.waitFor)) {
            throw CliException.invalidInput("--wait-for is answered or completed");
        }
        context.err().println("method: " + advice.method().apiName());
        context.err().println("why:    " + advice.reason());
        context.err().println("cost:   " + advice.cost());
        context.err().flush();
        CallEndpoint target = target();
        EventTail tail = options.await ? new EventTail(context.resolve(options.events)) : null;
        boolean refer = advice.method() == TransferMethod.SIP_REFER;
        String outcome = "sent";
        try {
            if (refer) {
                client.calls().sipRefer(options.room, options.session, target);
            } else {
                client.calls().sipCallTransfer(options.room, new CallTransferRequest(options.session, target, callerId,
                        null, null));
            }
        } catch (UnknownOutcomeException unknown) {
            if (tail == null) {
                throw unknown;
            }
            context.err().println("Daily's answer was lost (" + unknown.getMessage()
                    + "); following the webhook events to find out whether the transfer happened");
        }
        List<String> seen = new ArrayList<>();
        if (tail != null) {
            outcome = follow(tail, refer, seen);
        }
        Result result = new Result(options.room, options.session, target.wire(), advice.method().apiName(),
                advice.reason(), advice.cost(), outcome, seen);
        output.printOne(Table.of(Result.class)
                .column("ROOM", "room", Result::room)
                .column("SESSION ID", "session_id", Result::sessionId)
                .column("TO", "to", Result::to)
                .column("METHOD", "method", Result::method)
                .column("OUTCOME", "outcome", Result::outcome)
                .column("REASON", "reason", Result::reason)
                .column("COST", "cost", Result::cost)
                .column("EVENTS", "events", Result::events), result);
        return switch (outcome) {
            case "failed" -> ExitCode.FAILED;
            case "timed-out" -> ExitCode.INCOMPLETE;
            default -> ExitCode.OK;
        };
    }

    private String follow(EventTail tail, boolean refer, List<String> seen) {
        long deadline = System.nanoTime() + options.waitTimeout.toNanos();
        String terminal = refer ? "calltransfer.initiated" : "calltransfer." + options.waitFor;
        try {
            while (System.nanoTime() < deadline) {
                for (JsonNode event : tail.next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                    JsonNode payload = event.path("payload");
                    if (!options.session.equals(payload.path("session_id").asText(null))) {
                        continue;
                    }
                    String type = event.path("type").asText("");
                    seen.add(type);
                    context.err().println("event:  " + EventLines.describe(event));
                    context.err().flush();
                    if (type.endsWith(".error")) {
                        return "failed";
                    }
                    if (type.equals(terminal)) {
                        if (refer) {
                            context.err().println("REFER sent and Daily left the call; Daily sends no "
                                    + "answered/completed events for a REFER");
                        }
                        return refer ? "refer-sent" : options.waitFor;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.err().println("no " + terminal + " event within " + Durations.exact(options.waitTimeout) + " in "
                + options.events + "; is 'switchboard daily webhooks listen --save " + options.events
                + "' running? The transfer was not retried: check presence before trying again");
        return "timed-out";
    }
}
