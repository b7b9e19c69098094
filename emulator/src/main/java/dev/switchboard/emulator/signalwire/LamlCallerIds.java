package dev.switchboard.emulator.signalwire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiException;
import dev.switchboard.emulator.server.ApiResponse;
import dev.switchboard.emulator.server.Json;

import java.util.List;
import java.util.Map;

/**
 * {@code .../OutgoingCallerIds[.json]}: the compatibility view of the project's verified caller ids (the
 * same records as the Relay REST {@code /verified_caller_ids}; only verified ones are listed). List with
 * {@code PhoneNumber} and {@code FriendlyName} (exact), get, update ({@code FriendlyName}), delete (204).
 * {@code POST .../OutgoingCallerIds} is Twilio's validation request: it creates an unverified caller id,
 * places the verification call and answers its {@code validation_code}; verifying it happens through the
 * Relay REST verification or the admin handle.
 */
final class LamlCallerIds {
    private LamlCallerIds() {
    }

    static ApiResponse list(SwCall call) {
        LamlRoutes.checkAccount(call);
        String number = call.query("PhoneNumber");
        String friendlyName = call.query("FriendlyName");
        List<SwRecord> matching = SwProject.newestFirst(call.project().callerIds.values()).stream()
                .filter(c -> c.resource().path("verified").asBoolean(false))
                .filter(c -> number == null || number.equals(c.text("number")))
                .filter(c -> friendlyName == null || friendlyName.equals(c.text("name")))
                .toList();
        return ApiResponse.json(200, LamlPage.answer(call, matching, "outgoing_caller_ids", SwRecord::id,
                c -> render(call.project(), c)));
    }

    static ApiResponse get(SwCall call) {
        return ApiResponse.json(200, render(call.project(), callerId(call)));
    }

    static ApiResponse update(SwCall call) {
        SwRecord callerId = callerId(call);
        String name = call.form().get("FriendlyName");
        if (name != null) {
            if (name.isBlank() || name.length() > 200) {
                throw SwErrors.laml(400, "20001", "FriendlyName must be 1 to 200 characters");
            }
            callerId.resource().put("name", name);
        }
        return ApiResponse.json(200, render(call.project(), callerId));
    }

    static ApiResponse delete(SwCall call) {
        SwRecord callerId = callerId(call);
        call.project().callerIds.remove(callerId.id());
        call.project().verifications.remove(callerId.id());
        return new ApiResponse(204, null, Map.of());
    }

    /** Twilio's ValidationRequest: 201 with the code the verification call asks for. */
    static ApiResponse requestValidation(SwCall call) {
        LamlRoutes.checkAccount(call);
        Map<String, String> form = call.form();
        String number = form.get("PhoneNumber");
        boolean known = call.project().callerIds.values().stream().anyMatch(c -> c.text("number").equals(number));
        if (known) {
            throw SwErrors.laml(400, "21450", "Phone number " + number + " is already a caller id of this account");
        }
        SwRecord created;
        try {
            created = CallerIdRoutes.create(call, number, form.get("FriendlyName"), form.get("Extension"));
        } catch (ApiException e) {
            throw SwErrors.laml(400, "21401", LamlNumbers.relayDetail(e));
        }
        ObjectNode body = Json.object().put("account_sid", call.project().projectId)
                .putNull("call_sid").put("friendly_name", created.text("name")).put("phone_number", number)
                .put("validation_code", call.project().verifications.get(created.id()).code);
        return ApiResponse.json(201, body);
    }

    private static ObjectNode render(SwProject project, SwRecord callerId) {
        String verifiedAt = callerId.text("verified_at");
        return Json.object().put("account_sid", project.projectId)
                .put("date_created", SwTime.rfc2822(callerId.at()))
                .put("date_updated", SwTime.rfc2822(verifiedAt == null ? callerId.at() : SwTime.parse(verifiedAt, "verified_at")))
                .put("friendly_name", callerId.text("name")).put("phone_number", callerId.text("number"))
                .put("sid", callerId.id())
                .put("uri", LamlRoutes.PREFIX + project.projectId + "/OutgoingCallerIds/" + callerId.id() + ".json");
    }

    private static SwRecord callerId(SwCall call) {
        LamlRoutes.checkAccount(call);
        SwRecord callerId = call.project().callerIds.get(call.param("sid"));
        if (callerId == null || !callerId.resource().path("verified").asBoolean(false)) {
            throw SwErrors.lamlNotFound(call.request().path());
        }
        return callerId;
    }
}
