package dev.switchboard.signalwire;

import java.net.URI;
import java.util.Locale;

/**
 * A number update in the simplified vocabulary of SignalWire's number-management guide (seed names such
 * as {@code friendly_name}, {@code voice_url}, {@code sms_url}), mapped onto the real Relay REST fields
 * by {@link #toUpdate()}:
 * <table>
 *   <caption>mapping</caption>
 *   <tr><th>friendly</th><th>real field(s)</th></tr>
 *   <tr><td>name (friendly_name)</td><td>{@code name}</td></tr>
 *   <tr><td>voiceUrl</td><td>{@code call_handler=laml_webhooks} + {@code call_request_url}</td></tr>
 *   <tr><td>voiceMethod</td><td>{@code call_request_method}</td></tr>
 *   <tr><td>voiceFallbackUrl</td><td>{@code call_fallback_url}</td></tr>
 *   <tr><td>statusCallback</td><td>{@code call_status_callback_url}</td></tr>
 *   <tr><td>smsUrl</td><td>{@code message_handler=laml_webhooks} + {@code message_request_url}</td></tr>
 *   <tr><td>smsMethod</td><td>{@code message_request_method}</td></tr>
 *   <tr><td>smsFallbackUrl</td><td>{@code message_fallback_url}</td></tr>
 *   <tr><td>relayTopic</td><td>{@code call_handler=relay_topic} + {@code call_relay_topic}</td></tr>
 *   <tr><td>relayApplication</td><td>{@code call_handler=relay_application} + {@code call_relay_application}</td></tr>
 * </table>
 * The seed's {@code relay_context} is deprecated by SignalWire in favour of topics and applications and
 * is not offered. Every field is optional (null). The constructor refuses combinations that would give
 * calls two handlers at once (a voice URL with a relay topic or application, or both relay targets),
 * methods other than GET and POST, and URLs that are not absolute http(s).
 */
public record FriendlyNumberUpdate(String name, String voiceUrl, String voiceMethod, String voiceFallbackUrl,
                                   String statusCallback, String smsUrl, String smsMethod, String smsFallbackUrl,
                                   String relayTopic, String relayApplication) {

    public FriendlyNumberUpdate {
        voiceMethod = method(voiceMethod, "voice method");
        smsMethod = method(smsMethod, "sms method");
        url(voiceUrl, "voice URL");
        url(voiceFallbackUrl, "voice fallback URL");
        url(statusCallback, "status callback");
        url(smsUrl, "sms URL");
        url(smsFallbackUrl, "sms fallback URL");
        int callTargets = (voiceUrl != null ? 1 : 0) + (relayTopic != null ? 1 : 0) + (relayApplication != null ? 1 : 0);
        if (callTargets > 1) {
            throw new IllegalArgumentException("a number's calls have one handler: give only one of voice URL,"
                    + " relay topic and relay application");
        }
        check(relayTopic == null || !relayTopic.isBlank(), "relay topic must not be blank");
        check(relayApplication == null || !relayApplication.isBlank(), "relay application must not be blank");
    }

    public static FriendlyNumberUpdate none() {
        return new FriendlyNumberUpdate(null, null, null, null, null, null, null, null, null, null);
    }

    public FriendlyNumberUpdate withName(String value) {
        return new FriendlyNumberUpdate(value, voiceUrl, voiceMethod, voiceFallbackUrl, statusCallback, smsUrl,
                smsMethod, smsFallbackUrl, relayTopic, relayApplication);
    }

    public FriendlyNumberUpdate withVoiceUrl(String value) {
        return new FriendlyNumberUpdate(name, value, voiceMethod, voiceFallbackUrl, statusCallback, smsUrl,
                smsMethod, smsFallbackUrl, relayTopic, relayApplication);
    }

    public FriendlyNumberUpdate withSmsUrl(String value) {
        return new FriendlyNumberUpdate(name, voiceUrl, voiceMethod, voiceFallbackUrl, statusCallback, value,
                smsMethod, smsFallbackUrl, relayTopic, relayApplication);
    }

    public boolean isEmpty() {
        return toUpdate().isEmpty();
    }

    /** The real-field update this stands for (empty when nothing was given). */
    public PhoneNumberUpdate toUpdate() {
        PhoneNumberUpdate update = PhoneNumberUpdate.empty();
        if (name != null) {
            update = update.with(NumberField.NAME, name);
        }
        if (voiceUrl != null) {
            update = update.with(NumberField.CALL_HANDLER, "laml_webhooks").with(NumberField.CALL_REQUEST_URL, voiceUrl);
        }
        update = set(update, NumberField.CALL_REQUEST_METHOD, voiceMethod);
        update = set(update, NumberField.CALL_FALLBACK_URL, voiceFallbackUrl);
        update = set(update, NumberField.CALL_STATUS_CALLBACK_URL, statusCallback);
        if (smsUrl != null) {
            update = update.with(NumberField.MESSAGE_HANDLER, "laml_webhooks")
                    .with(NumberField.MESSAGE_REQUEST_URL, smsUrl);
        }
        update = set(update, NumberField.MESSAGE_REQUEST_METHOD, smsMethod);
        update = set(update, NumberField.MESSAGE_FALLBACK_URL, smsFallbackUrl);
        if (relayTopic != null) {
            update = update.with(NumberField.CALL_HANDLER, "relay_topic").with(NumberField.CALL_RELAY_TOPIC, relayTopic);
        }
        if (relayApplication != null) {
            update = update.with(NumberField.CALL_HANDLER, "relay_application")
                    .with(NumberField.CALL_RELAY_APPLICATION, relayApplication);
        }
        return update;
    }

    private static PhoneNumberUpdate set(PhoneNumberUpdate update, NumberField field, String value) {
        return value == null ? update : update.with(field, value);
    }

    private static String method(String value, String what) {
        if (value == null) {
            return null;
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        check(upper.equals("GET") || upper.equals("POST"), what + " must be GET or POST, was " + value);
        return upper;
    }

    private static void url(String value, String what) {
        if (value == null) {
            return;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            check((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null,
                    what + " must be an absolute http(s) URL, was " + value);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a valid URL: " + value);
        }
    }

    private static void check(boolean rule, String text) {
        if (!rule) {
            throw new IllegalArgumentException(text);
        }
    }
}
