package dev.switchboard.signalwire;

/**
 * How a number handles incoming messages: the {@code message_*} fields of the phone-number resource.
 * Blank strings from the API arrive here as null.
 */
public record MessageHandling(String handler, String handlerResourceId, String requestUrl, String requestMethod,
                              String fallbackUrl, String fallbackMethod, String lamlApplicationId, String relayContext,
                              String relayTopic) {

    /** The companion value of the current handler (URL, application, topic or context), or null. */
    public String destination() {
        if (handler == null) {
            return null;
        }
        return switch (handler) {
            case "laml_webhooks" -> requestUrl;
            case "laml_application" -> lamlApplicationId;
            case "relay_topic" -> relayTopic;
            case "relay_context", "relay_application" -> relayContext;
            default -> null;
        };
    }
}
