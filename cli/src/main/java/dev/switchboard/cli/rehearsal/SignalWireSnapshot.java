package dev.switchboard.cli.rehearsal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.signalwire.Address;
import dev.switchboard.signalwire.CallHandling;
import dev.switchboard.signalwire.MessageHandling;
import dev.switchboard.signalwire.NumberFilter;
import dev.switchboard.signalwire.NumberGroup;
import dev.switchboard.signalwire.PhoneNumber;
import dev.switchboard.signalwire.SignalWireClient;
import dev.switchboard.signalwire.SignalWireDirectory;
import dev.switchboard.signalwire.VerifiedCallerId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One SignalWire project as a project of the emulator's state document (docs/emulator.md, "SignalWire state
 * section"), read with GETs only: numbers with their call and message handlers, purchase dates (the 14-day release
 * cooldown) and E911 status, addresses, number groups and their memberships, verified caller ids. SignalWire lists
 * newest first; the document wants oldest first, so each list is reversed.
 */
final class SignalWireSnapshot {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SignalWireSnapshot() {
    }

    /**
     * The project section, with {@code token} (a fake token) as its only token. A pending E911 change gets
     * {@code e911_changed_at} = {@code now}: the real start is not readable, so it completes one E911 delay later.
     */
    static ObjectNode project(SignalWireClient client, String token, Instant now) {
        ObjectNode node = NODES.objectNode().put("project_id", client.projectId());
        node.putArray("api_tokens").add(token);
        ArrayNode numbers = node.putArray("phone_numbers");
        oldestFirst(client.phoneNumbers(NumberFilter.all())).forEach(n -> numbers.add(number(n, now)));
        SignalWireDirectory directory = client.directory();
        ArrayNode addresses = node.putArray("addresses");
        oldestFirst(directory.addresses(null)).forEach(a -> addresses.add(address(a)));
        ArrayNode groups = node.putArray("number_groups");
        ArrayNode memberships = node.putArray("number_group_memberships");
        for (NumberGroup group : oldestFirst(directory.numberGroups(null))) {
            groups.addObject().put("id", group.id()).put("name", group.name()).put("sticky_sender", group.stickySender());
            oldestFirst(directory.memberships(group.id())).forEach(m -> {
                ObjectNode item = memberships.addObject().put("id", m.id()).put("number_group_id", group.id())
                        .put("phone_number_id", m.phoneNumberId());
                putInstant(item, "created_at", m.createdAt());
                putInstant(item, "updated_at", m.updatedAt());
            });
        }
        ArrayNode callerIds = node.putArray("verified_caller_ids");
        oldestFirst(directory.verifiedCallerIds()).forEach(c -> callerIds.add(callerId(c)));
        return node;
    }

    private static <T> List<T> oldestFirst(List<T> newestFirst) {
        List<T> copy = new ArrayList<>(newestFirst);
        Collections.reverse(copy);
        return copy;
    }

    private static ObjectNode number(PhoneNumber n, Instant now) {
        ObjectNode item = NODES.objectNode().put("id", n.id()).put("number", n.number()).put("name", n.name());
        ArrayNode capabilities = item.putArray("capabilities");
        n.capabilities().forEach(capabilities::add);
        item.put("number_type", n.numberType()).put("e911_address_id", n.e911AddressId())
                .put("e911_status", n.e911Status());
        putInstant(item, "created_at", n.createdAt());
        putInstant(item, "updated_at", n.updatedAt());
        putInstant(item, "next_billed_at", n.nextBilledAt());
        call(item, n.call());
        message(item, n.message());
        item.put("country_code", n.countryCode());
        boolean changing = "pending".equals(n.e911Status()) || "pending_removal".equals(n.e911Status());
        item.put("e911_changed_at", changing ? now.toString() : null);
        return item;
    }

    private static void call(ObjectNode item, CallHandling c) {
        item.put("call_handler", c.handler()).put("calling_handler_resource_id", c.handlerResourceId())
                .put("call_receive_mode", c.receiveMode()).put("call_request_url", c.requestUrl())
                .put("call_request_method", c.requestMethod()).put("call_fallback_url", c.fallbackUrl())
                .put("call_fallback_method", c.fallbackMethod()).put("call_status_callback_url", c.statusCallbackUrl())
                .put("call_status_callback_method", c.statusCallbackMethod())
                .put("call_laml_application_id", c.lamlApplicationId())
                .put("call_dialogflow_agent_id", c.dialogflowAgentId()).put("call_relay_context", c.relayContext())
                .put("call_relay_context_status_callback_url", c.relayContextStatusCallbackUrl())
                .put("call_relay_topic", c.relayTopic())
                .put("call_relay_topic_status_callback_url", c.relayTopicStatusCallbackUrl())
                .put("call_relay_application", c.relayApplication()).put("call_relay_connector_id", c.relayConnectorId())
                .put("call_sip_endpoint_id", c.sipEndpointId()).put("call_verto_resource", c.vertoResource())
                .put("call_video_room_id", c.videoRoomId()).put("call_relay_script_url", c.relayScriptUrl());
    }

    private static void message(ObjectNode item, MessageHandling m) {
        item.put("message_handler", m.handler()).put("messaging_handler_resource_id", m.handlerResourceId())
                .put("message_request_url", m.requestUrl()).put("message_request_method", m.requestMethod())
                .put("message_fallback_url", m.fallbackUrl()).put("message_fallback_method", m.fallbackMethod())
                .put("message_laml_application_id", m.lamlApplicationId())
                .put("message_relay_context", m.relayContext()).put("message_relay_topic", m.relayTopic());
    }

    private static ObjectNode address(Address a) {
        ObjectNode item = NODES.objectNode().put("id", a.id()).put("label", a.label()).put("country", a.country())
                .put("first_name", a.firstName()).put("last_name", a.lastName())
                .put("street_number", a.streetNumber()).put("street_name", a.streetName())
                .put("address_type", a.addressType()).put("address_number", a.addressNumber())
                .put("city", a.city()).put("state", a.state()).put("postal_code", a.postalCode())
                .put("emergency_enabled", a.emergencyEnabled()).put("validated", a.validated());
        putInstant(item, "validated_at", a.validatedAt());
        return item;
    }

    private static ObjectNode callerId(VerifiedCallerId c) {
        ObjectNode item = NODES.objectNode().put("id", c.id()).put("name", c.name()).put("extension", c.extension())
                .put("number", c.number()).put("verified", c.verified());
        putInstant(item, "verified_at", c.verifiedAt());
        return item;
    }

    private static void putInstant(ObjectNode node, String field, Instant value) {
        node.put(field, value == null ? null : value.toString());
    }
}
