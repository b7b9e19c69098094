package dev.switchboard.emulator.signalwire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiResponse;
import dev.switchboard.emulator.server.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /number_groups} and their memberships. Creates answer 201. A number belongs to at most one group
 * and must be the project's (422 otherwise). Deleting a group or a membership never releases a number.
 */
final class GroupRoutes {
    private GroupRoutes() {
    }

    static ApiResponse list(SwCall call) {
        String name = call.query("filter_name");
        List<SwRecord> matching = SwProject.newestFirst(call.project().groups.values()).stream()
                .filter(g -> name == null || NumberRoutes.contains(g.text("name"), name)).toList();
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("filter_name", name);
        return ApiResponse.json(200, RelayPage.answer(call, matching, filters, g -> render(call.project(), g)));
    }

    static ApiResponse get(SwCall call) {
        return ApiResponse.json(200, render(call.project(), group(call, call.param("id"))));
    }

    static ApiResponse create(SwCall call) {
        ObjectNode body = call.body();
        String id = call.state().newId();
        ObjectNode resource = Json.object().put("id", id).put("name", name(body))
                .put("sticky_sender", body.path("sticky_sender").asBoolean(false));
        SwRecord group = new SwRecord(id, call.project().register(id), resource, call.now());
        call.project().groups.put(id, group);
        return ApiResponse.json(201, render(call.project(), group));
    }

    static ApiResponse update(SwCall call) {
        SwRecord group = group(call, call.param("id"));
        ObjectNode body = call.body();
        group.resource().put("name", name(body));
        if (body.has("sticky_sender")) {
            group.resource().put("sticky_sender", body.path("sticky_sender").asBoolean(false));
        }
        return ApiResponse.json(200, render(call.project(), group));
    }

    static ApiResponse delete(SwCall call) {
        SwRecord group = group(call, call.param("id"));
        call.project().memberships.values().removeIf(m -> group.id().equals(m.text("number_group_id")));
        call.project().groups.remove(group.id());
        return new ApiResponse(204, null, Map.of());
    }

    static ApiResponse memberships(SwCall call) {
        SwRecord group = group(call, call.param("groupId"));
        List<SwRecord> members = SwProject.newestFirst(call.project().memberships.values()).stream()
                .filter(m -> group.id().equals(m.text("number_group_id"))).toList();
        return ApiResponse.json(200, RelayPage.answer(call, members, Map.of(), m -> renderMembership(call.project(), m)));
    }

    static ApiResponse addMember(SwCall call) {
        SwRecord group = group(call, call.param("groupId"));
        String numberId = SwCall.string(call.body(), "phone_number_id");
        if (numberId == null || numberId.isBlank()) {
            throw SwErrors.invalid("Phone number can't be blank");
        }
        if (!call.project().numbers.containsKey(numberId)) {
            throw SwErrors.invalid("Phone number was not found in this project");
        }
        if (call.project().membershipOf(numberId).isPresent()) {
            throw SwErrors.invalid("Phone number is already in a number group");
        }
        String id = call.state().newId();
        String now = SwTime.iso(call.now());
        ObjectNode resource = Json.object().put("id", id).put("number_group_id", group.id())
                .put("phone_number_id", numberId).put("created_at", now).put("updated_at", now);
        SwRecord membership = new SwRecord(id, call.project().register(id), resource, call.now());
        call.project().memberships.put(id, membership);
        return ApiResponse.json(201, renderMembership(call.project(), membership));
    }

    static ApiResponse getMembership(SwCall call) {
        return ApiResponse.json(200, renderMembership(call.project(), membership(call)));
    }

    static ApiResponse removeMember(SwCall call) {
        call.project().memberships.remove(membership(call).id());
        return new ApiResponse(204, null, Map.of());
    }

    private static SwRecord membership(SwCall call) {
        SwRecord membership = call.project().memberships.get(call.param("id"));
        if (membership == null) {
            throw SwErrors.notFound();
        }
        return membership;
    }

    private static SwRecord group(SwCall call, String id) {
        SwRecord group = call.project().groups.get(id);
        if (group == null) {
            throw SwErrors.notFound();
        }
        return group;
    }

    private static String name(ObjectNode body) {
        String name = SwCall.string(body, "name");
        if (name == null || name.isBlank()) {
            throw SwErrors.invalid("Name can't be blank");
        }
        if (name.length() > 255) {
            throw SwErrors.invalid("Name is too long (maximum is 255 characters)");
        }
        return name;
    }

    static ObjectNode render(SwProject project, SwRecord group) {
        return group.resource().deepCopy().put("phone_number_count", project.groupSize(group.id()));
    }

    static ObjectNode renderMembership(SwProject project, SwRecord membership) {
        ObjectNode node = Json.object().put("id", membership.id())
                .put("number_group_id", membership.text("number_group_id"));
        SwNumber number = project.numbers.get(membership.text("phone_number_id"));
        ObjectNode summary = node.putObject("phone_number");
        summary.put("id", membership.text("phone_number_id"));
        if (number != null) {
            JsonNode resource = number.resource();
            summary.set("name", resource.get("name"));
            summary.set("number", resource.get("number"));
            summary.set("capabilities", resource.get("capabilities").deepCopy());
        }
        node.put("created_at", membership.text("created_at")).put("updated_at", membership.text("updated_at"));
        return node;
    }
}
