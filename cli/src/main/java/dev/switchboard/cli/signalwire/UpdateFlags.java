package dev.switchboard.cli.signalwire;

import dev.switchboard.cli.support.CliException;
import dev.switchboard.signalwire.FriendlyNumberUpdate;
import dev.switchboard.signalwire.PhoneNumberUpdate;
import picocli.CommandLine.Option;

/**
 * The configuration flags of the number guide (seed vocabulary), mapped onto the real handler fields by
 * {@link FriendlyNumberUpdate}: {@code --voice-url} sets {@code call_handler=laml_webhooks} and
 * {@code call_request_url}, {@code --sms-url} sets {@code message_handler=laml_webhooks} and
 * {@code message_request_url}, {@code --relay-topic}/{@code --relay-application} route calls to Relay.
 */
public final class UpdateFlags {
    @Option(names = {"--name", "--friendly-name"}, paramLabel = "NAME", description = "The number's name (also its CNAM).")
    String name;

    @Option(names = "--voice-url", paramLabel = "URL", description = "Webhook for incoming calls (call_request_url; handler laml_webhooks).")
    String voiceUrl;

    @Option(names = "--voice-method", paramLabel = "GET|POST", description = "Method for --voice-url (call_request_method).")
    String voiceMethod;

    @Option(names = "--voice-fallback-url", paramLabel = "URL", description = "Backup call webhook (call_fallback_url).")
    String voiceFallbackUrl;

    @Option(names = "--status-callback", paramLabel = "URL", description = "Call status webhook (call_status_callback_url).")
    String statusCallback;

    @Option(names = "--sms-url", paramLabel = "URL", description = "Webhook for incoming messages (message_request_url; handler laml_webhooks).")
    String smsUrl;

    @Option(names = "--sms-method", paramLabel = "GET|POST", description = "Method for --sms-url (message_request_method).")
    String smsMethod;

    @Option(names = "--sms-fallback-url", paramLabel = "URL", description = "Backup message webhook (message_fallback_url).")
    String smsFallbackUrl;

    @Option(names = "--relay-topic", paramLabel = "TOPIC", description = "Route calls to a Relay topic (call_handler relay_topic).")
    String relayTopic;

    @Option(names = "--relay-application", paramLabel = "NAME",
            description = "Route calls to a Relay application (call_handler relay_application).")
    String relayApplication;

    /** The real-field update; refuses contradictory flags and an empty update. */
    PhoneNumberUpdate update() {
        PhoneNumberUpdate update;
        try {
            update = new FriendlyNumberUpdate(name, voiceUrl, voiceMethod, voiceFallbackUrl, statusCallback, smsUrl,
                    smsMethod, smsFallbackUrl, relayTopic, relayApplication).toUpdate();
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput(e.getMessage());
        }
        if (update.isEmpty()) {
            throw CliException.invalidInput("nothing to update: give at least one of --name, --voice-url, --voice-method,"
                    + " --voice-fallback-url, --status-callback, --sms-url, --sms-method, --sms-fallback-url,"
                    + " --relay-topic, --relay-application");
        }
        return update;
    }
}
