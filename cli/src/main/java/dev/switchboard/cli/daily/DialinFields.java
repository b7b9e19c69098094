package dev.switchboard.cli.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.cli.support.CliContext;
import dev.switchboard.core.http.Secret;
import picocli.CommandLine.Option;

/**
 * The config fields {@code dialin create} and {@code dialin update} share. The hmac never appears on the command
 * line: {@code --hmac-env NAME} names the variable (environment, then {@code .env}) that holds it.
 */
final class DialinFields {
    @Option(names = "--phone-number", paramLabel = "E164",
            description = "The purchased number callers dial (pinless without it is SIP-only).")
    String phoneNumber;
    @Option(names = "--name-prefix", paramLabel = "TEXT", description = "Shown before the caller's name in the room.")
    String namePrefix;
    @Option(names = "--room-creation-api", paramLabel = "URL", description = "Pinless: the webhook called on each call.")
    String roomCreationApi;
    @Option(names = "--hold-music-url", paramLabel = "URL", description = "Pinless: public MP3 under 60 s.")
    String holdMusicUrl;
    @Option(names = "--timeout-message", paramLabel = "TEXT", description = "Pinless: played when the webhook times out.")
    String timeoutMessage;
    @Option(names = "--ivr-greeting", paramLabel = "TEXT", description = "PIN: played when the call connects.")
    String ivrGreeting;
    @Option(names = "--hmac-env", paramLabel = "VAR",
            description = "Pinless: the variable holding the base64 hmac to sign room_creation_api calls with.")
    String hmacVariable;

    Secret hmac(CliContext context) {
        return hmacVariable == null ? null : context.settings().requireSecret(hmacVariable,
                "set it to the base64 hmac your room_creation_api receiver verifies");
    }

    static JsonNode message(String text) {
        return text == null ? null : JsonNodeFactory.instance.objectNode().put("message", text);
    }
}
