package dev.switchboard.emulator.signalwire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.Json;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An owned phone number: the Relay REST resource as a tree in SignalWire's field order (the 40 fields of
 * the captured responses plus {@code e911_status}), and the internal E911 timing. The carrier's E911 work
 * is emulated lazily: a {@code pending} registration becomes {@code active} (or {@code failed} for an
 * address marked to fail) once the activation delay has passed on the emulated clock, and
 * {@code pending_removal} becomes {@code unregistered}.
 */
final class SwNumber implements Paged {
    /** Every key of the resource, in order. */
    static final List<String> FIELDS = List.of("id", "name", "number", "capabilities", "number_type",
            "e911_address_id", "e911_status", "created_at", "updated_at", "next_billed_at", "call_handler",
            "calling_handler_resource_id", "call_receive_mode", "call_request_url", "call_request_method",
            "call_fallback_url", "call_fallback_method", "call_status_callback_url", "call_status_callback_method",
            "call_laml_application_id", "call_dialogflow_agent_id", "call_relay_context",
            "call_relay_context_status_callback_url", "call_relay_topic", "call_relay_topic_status_callback_url",
            "call_relay_application", "call_relay_connector_id", "call_sip_endpoint_id", "call_verto_resource",
            "call_video_room_id", "call_relay_script_url", "message_handler", "messaging_handler_resource_id",
            "message_request_url", "message_request_method", "message_fallback_url", "message_fallback_method",
            "message_laml_application_id", "message_relay_context", "message_relay_topic", "country_code");

    private final String id;
    private final long seq;
    private final Instant createdAt;
    private final ObjectNode resource;
    private Instant e911ChangedAt;

    SwNumber(String id, long seq, Instant createdAt, ObjectNode resource, Instant e911ChangedAt) {
        this.id = id;
        this.seq = seq;
        this.createdAt = createdAt;
        this.resource = resource;
        this.e911ChangedAt = e911ChangedAt;
    }

    /** A number as a fresh purchase leaves it: no name, the cXML webhook handler without URLs. */
    static ObjectNode freshResource(String id, NumberStock.Offer offer, Instant createdAt) {
        ObjectNode node = Json.object();
        for (String field : FIELDS) {
            node.putNull(field);
        }
        node.put("id", id).put("number", offer.e164());
        var capabilities = node.putArray("capabilities");
        offer.capabilities().forEach(capabilities::add);
        node.put("number_type", offer.tollFree() ? "toll-free" : "longcode")
                .put("created_at", SwTime.iso(createdAt)).put("updated_at", SwTime.iso(createdAt))
                .put("next_billed_at", SwTime.iso(createdAt.atZone(java.time.ZoneOffset.UTC).plusMonths(1).toInstant()))
                .put("call_handler", "laml_webhooks").put("call_receive_mode", "voice")
                .put("message_handler", "laml_webhooks").put("country_code", "US");
        return node;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public long seq() {
        return seq;
    }

    Instant createdAt() {
        return createdAt;
    }

    String number() {
        return resource.path("number").asText();
    }

    String name() {
        return resource.path("name").isNull() ? null : resource.path("name").asText();
    }

    /** The stored tree (mutable; callers hold the provider lock). */
    ObjectNode resource() {
        return resource;
    }

    Instant e911ChangedAt() {
        return e911ChangedAt;
    }

    void setE911(String addressId, String status, Instant at) {
        if (addressId == null) {
            resource.putNull("e911_address_id");
        } else {
            resource.put("e911_address_id", addressId);
        }
        resource.put("e911_status", status);
        e911ChangedAt = at;
    }

    /** Moves the carrier's E911 work forward to {@code now}. */
    void refreshE911(Instant now, Duration delay, boolean addressFails) {
        String status = resource.path("e911_status").asText(null);
        if (e911ChangedAt == null || now.isBefore(e911ChangedAt.plus(delay))) {
            return;
        }
        Instant done = e911ChangedAt.plus(delay);
        if ("pending".equals(status)) {
            resource.put("e911_status", addressFails ? "failed" : "active");
            resource.put("updated_at", SwTime.iso(done));
            e911ChangedAt = null;
        } else if ("pending_removal".equals(status)) {
            resource.put("e911_status", "unregistered");
            resource.putNull("e911_address_id");
            resource.put("updated_at", SwTime.iso(done));
            e911ChangedAt = null;
        }
    }

    /** The resource as answered: a copy. */
    ObjectNode render() {
        return resource.deepCopy();
    }
}
