package dev.switchboard.signalwire;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The phone-number fields a {@code PUT /phone_numbers/{id}} may change that SignalWire also echoes
 * back, by their real wire names, each with how to read its current value from a {@link PhoneNumber}
 * (so a planned update can be compared with what a number already has).
 */
public enum NumberField {
    NAME("name", PhoneNumber::name),
    CALL_HANDLER("call_handler", n -> n.call().handler()),
    CALL_RECEIVE_MODE("call_receive_mode", n -> n.call().receiveMode()),
    CALL_REQUEST_URL("call_request_url", n -> n.call().requestUrl()),
    CALL_REQUEST_METHOD("call_request_method", n -> n.call().requestMethod()),
    CALL_FALLBACK_URL("call_fallback_url", n -> n.call().fallbackUrl()),
    CALL_FALLBACK_METHOD("call_fallback_method", n -> n.call().fallbackMethod()),
    CALL_STATUS_CALLBACK_URL("call_status_callback_url", n -> n.call().statusCallbackUrl()),
    CALL_STATUS_CALLBACK_METHOD("call_status_callback_method", n -> n.call().statusCallbackMethod()),
    CALL_LAML_APPLICATION_ID("call_laml_application_id", n -> n.call().lamlApplicationId()),
    CALL_DIALOGFLOW_AGENT_ID("call_dialogflow_agent_id", n -> n.call().dialogflowAgentId()),
    CALL_RELAY_CONTEXT("call_relay_context", n -> n.call().relayContext()),
    CALL_RELAY_CONTEXT_STATUS_CALLBACK_URL("call_relay_context_status_callback_url",
            n -> n.call().relayContextStatusCallbackUrl()),
    CALL_RELAY_TOPIC("call_relay_topic", n -> n.call().relayTopic()),
    CALL_RELAY_TOPIC_STATUS_CALLBACK_URL("call_relay_topic_status_callback_url",
            n -> n.call().relayTopicStatusCallbackUrl()),
    CALL_RELAY_APPLICATION("call_relay_application", n -> n.call().relayApplication()),
    CALL_RELAY_CONNECTOR_ID("call_relay_connector_id", n -> n.call().relayConnectorId()),
    CALL_SIP_ENDPOINT_ID("call_sip_endpoint_id", n -> n.call().sipEndpointId()),
    CALL_VERTO_RESOURCE("call_verto_resource", n -> n.call().vertoResource()),
    CALL_VIDEO_ROOM_ID("call_video_room_id", n -> n.call().videoRoomId()),
    CALL_RELAY_SCRIPT_URL("call_relay_script_url", n -> n.call().relayScriptUrl()),
    MESSAGE_HANDLER("message_handler", n -> n.message().handler()),
    MESSAGE_REQUEST_URL("message_request_url", n -> n.message().requestUrl()),
    MESSAGE_REQUEST_METHOD("message_request_method", n -> n.message().requestMethod()),
    MESSAGE_FALLBACK_URL("message_fallback_url", n -> n.message().fallbackUrl()),
    MESSAGE_FALLBACK_METHOD("message_fallback_method", n -> n.message().fallbackMethod()),
    MESSAGE_LAML_APPLICATION_ID("message_laml_application_id", n -> n.message().lamlApplicationId()),
    MESSAGE_RELAY_CONTEXT("message_relay_context", n -> n.message().relayContext()),
    MESSAGE_RELAY_TOPIC("message_relay_topic", n -> n.message().relayTopic());

    private final String wireName;
    private final Function<PhoneNumber, String> reader;

    NumberField(String wireName, Function<PhoneNumber, String> reader) {
        this.wireName = wireName;
        this.reader = reader;
    }

    public String wireName() {
        return wireName;
    }

    /** The number's current value of this field (null for unset or blank). */
    public String valueOf(PhoneNumber number) {
        return reader.apply(number);
    }

    public static Optional<NumberField> fromWire(String wireName) {
        return Arrays.stream(values()).filter(field -> field.wireName.equals(wireName)).findFirst();
    }
}
