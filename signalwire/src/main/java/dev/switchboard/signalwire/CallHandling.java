package dev.switchboard.signalwire;

/**
 * How a number handles incoming calls: the {@code call_*} fields of the Relay REST phone-number resource.
 * Which field matters depends on {@link #handler()} (see {@link #destination()}); the others are kept as
 * SignalWire sends them. Blank strings from the API arrive here as null.
 */
public record CallHandling(String handler, String handlerResourceId, String receiveMode, String requestUrl,
                           String requestMethod, String fallbackUrl, String fallbackMethod, String statusCallbackUrl,
                           String statusCallbackMethod, String lamlApplicationId, String dialogflowAgentId,
                           String relayContext, String relayContextStatusCallbackUrl, String relayTopic,
                           String relayTopicStatusCallbackUrl, String relayApplication, String relayConnectorId,
                           String sipEndpointId, String vertoResource, String videoRoomId, String relayScriptUrl) {

    /** The companion value of the current handler (the URL, topic, application or id calls go to), or null. */
    public String destination() {
        if (handler == null) {
            return null;
        }
        return switch (handler) {
            case "laml_webhooks" -> requestUrl;
            case "relay_script" -> relayScriptUrl;
            case "laml_application" -> lamlApplicationId;
            case "relay_application" -> relayApplication;
            case "relay_topic" -> relayTopic;
            case "relay_context" -> relayContext;
            case "relay_connector" -> relayConnectorId;
            case "relay_sip_endpoint" -> sipEndpointId;
            case "relay_verto_endpoint" -> vertoResource;
            case "video_room" -> videoRoomId;
            case "dialogflow" -> dialogflowAgentId;
            default -> null;
        };
    }
}
