package dev.switchboard.emulator.signalwire;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

/**
 * Applies a {@code PUT /phone_numbers/{id}} body: a partial update of the writable fields. Fields outside
 * the request model are ignored, as Rails' permitted parameters do; {@code message_relay_application},
 * {@code call_ai_agent_id}, {@code call_flow_id} and {@code call_flow_version} are accepted but not echoed.
 * Enums and methods are checked (422), a newly chosen call handler needs its companion field, a
 * {@code *_relay_context} without {@code *_relay_application} also sets the application (its alias),
 * and handlers backed by a Fabric resource get a new {@code calling_handler_resource_id}.
 */
final class NumberUpdate {
    static final Set<String> ECHOED = Set.of("name", "call_handler", "call_receive_mode", "call_request_url",
            "call_request_method", "call_fallback_url", "call_fallback_method", "call_status_callback_url",
            "call_status_callback_method", "call_laml_application_id", "call_dialogflow_agent_id",
            "call_relay_topic", "call_relay_topic_status_callback_url", "call_relay_script_url", "call_relay_context",
            "call_relay_context_status_callback_url", "call_relay_application", "call_relay_connector_id",
            "call_sip_endpoint_id", "call_verto_resource", "call_video_room_id", "message_handler",
            "message_request_url", "message_request_method", "message_fallback_url", "message_fallback_method",
            "message_laml_application_id", "message_relay_topic", "message_relay_context");
    static final Set<String> ACCEPTED_NOT_ECHOED = Set.of("message_relay_application", "call_ai_agent_id",
            "call_flow_id", "call_flow_version");
    /** Each call handler and the field it routes to; null when the companion is not echoed. */
    static final Map<String, String> CALL_COMPANIONS = Map.ofEntries(
            Map.entry("relay_script", "call_relay_script_url"), Map.entry("laml_webhooks", "call_request_url"),
            Map.entry("laml_application", "call_laml_application_id"), Map.entry("ai_agent", "call_ai_agent_id"),
            Map.entry("call_flow", "call_flow_id"), Map.entry("relay_application", "call_relay_application"),
            Map.entry("relay_topic", "call_relay_topic"), Map.entry("relay_context", "call_relay_context"),
            Map.entry("relay_connector", "call_relay_connector_id"),
            Map.entry("relay_sip_endpoint", "call_sip_endpoint_id"),
            Map.entry("relay_verto_endpoint", "call_verto_resource"), Map.entry("video_room", "call_video_room_id"),
            Map.entry("dialogflow", "call_dialogflow_agent_id"));
    static final Set<String> MESSAGE_HANDLERS = Set.of("relay_context", "relay_topic", "relay_application",
            "laml_webhooks", "laml_application");
    private static final Set<String> FABRIC_BACKED = Set.of("relay_script", "laml_webhooks", "laml_application",
            "ai_agent", "call_flow", "relay_application");

    private NumberUpdate() {
    }

    static void apply(SwCall call, SwNumber number, ObjectNode body) {
        ObjectNode resource = number.resource();
        String oldCallHandler = resource.path("call_handler").asText(null);
        String oldMessageHandler = resource.path("message_handler").asText(null);
        for (String field : ECHOED) {
            if (body.has(field)) {
                check(field, SwCall.string(body, field));
            }
        }
        for (String field : ACCEPTED_NOT_ECHOED) {
            SwCall.string(body, field);
        }
        String callHandler = SwCall.string(body, "call_handler");
        if (callHandler != null) {
            String companion = CALL_COMPANIONS.get(callHandler);
            String value = body.has(companion) ? SwCall.string(body, companion) : resource.path(companion).asText(null);
            if (value == null || value.isBlank()) {
                throw SwErrors.invalid(SwCall.humanize(companion) + " can't be blank when call_handler is " + callHandler);
            }
        }
        for (String field : ECHOED) {
            if (body.has(field)) {
                String value = SwCall.string(body, field);
                if (value == null) {
                    resource.putNull(field);
                } else {
                    resource.put(field, value);
                }
            }
        }
        aliasContext(body, resource, "call_relay_context", "call_relay_application");
        String newCallHandler = resource.path("call_handler").asText(null);
        if (body.has("call_handler") || !java.util.Objects.equals(oldCallHandler, newCallHandler)
                || (newCallHandler != null && body.has(CALL_COMPANIONS.getOrDefault(newCallHandler, "")))) {
            if (newCallHandler != null && FABRIC_BACKED.contains(newCallHandler)) {
                resource.put("calling_handler_resource_id", call.state().newId());
            } else {
                resource.putNull("calling_handler_resource_id");
            }
        }
        String newMessageHandler = resource.path("message_handler").asText(null);
        if (!java.util.Objects.equals(oldMessageHandler, newMessageHandler)) {
            if ("laml_webhooks".equals(newMessageHandler) || "laml_application".equals(newMessageHandler)) {
                resource.put("messaging_handler_resource_id", call.state().newId());
            } else {
                resource.putNull("messaging_handler_resource_id");
            }
        }
        resource.put("updated_at", SwTime.iso(call.now()));
    }

    private static void aliasContext(ObjectNode body, ObjectNode resource, String context, String application) {
        if (body.has(context) && !body.has(application)) {
            resource.set(application, resource.get(context).deepCopy());
        }
    }

    private static void check(String field, String value) {
        if (value == null) {
            return;
        }
        if (field.endsWith("_method") && !value.equals("GET") && !value.equals("POST")) {
            throw SwErrors.invalid(SwCall.humanize(field) + " must be GET or POST");
        }
        if (field.equals("call_handler") && !CALL_COMPANIONS.containsKey(value)) {
            throw SwErrors.invalid("Call handler is not included in the list");
        }
        if (field.equals("message_handler") && !MESSAGE_HANDLERS.contains(value)) {
            throw SwErrors.invalid("Message handler is not included in the list");
        }
        if (field.equals("call_receive_mode") && !value.equals("voice") && !value.equals("fax")) {
            throw SwErrors.invalid("Call receive mode must be voice or fax");
        }
        if (field.endsWith("_url") && !value.isEmpty() && !value.startsWith("http://") && !value.startsWith("https://")) {
            throw SwErrors.invalid(SwCall.humanize(field) + " must be an http(s) URL");
        }
    }
}
