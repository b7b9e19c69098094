package dev.switchboard.cli.daily;

import picocli.CommandLine.Option;

import java.time.Duration;

/** What {@code calls transfer} and {@code calls refer} share: which call, where to, and how to follow it. */
final class TransferOptions {
    @Option(names = "--room", required = true, paramLabel = "NAME", description = "The room the caller is in.")
    String room;
    @Option(names = "--session", required = true, paramLabel = "ID", description = "The SIP/PSTN participant's session id.")
    String session;
    @Option(names = "--to", required = true, paramLabel = "E164|SIP", description = "The target: +1..., or sip:user@host.")
    String to;
    @Option(names = "--from", paramLabel = "E164|SIP",
            description = "Where the caller's call comes from (the dial-in's sip_from or the dial-out destination); "
                    + "needed to consider REFER.")
    String from;
    @Option(names = "--no-refer-support", description = "The originating SIP system does not support REFER.")
    boolean noReferSupport;
    @Option(names = "--wait", description = "Follow the transfer through its webhook events (see --events).")
    boolean await;
    @Option(names = "--events", paramLabel = "FILE", defaultValue = "daily-events.jsonl",
            description = "Where 'webhooks listen --save FILE' writes verified events (default: ${DEFAULT-VALUE}).")
    String events;
    @Option(names = "--wait-timeout", paramLabel = "DURATION", defaultValue = "2m",
            description = "Give up waiting after this long, e.g. 90s or 5m (default: ${DEFAULT-VALUE}); exit 5.")
    Duration waitTimeout;
    @Option(names = "--wait-for", paramLabel = "EVENT", defaultValue = "answered",
            description = "Call transfers: stop at 'answered' (the target picked up) or 'completed' (it hung up).")
    String waitFor;
}
