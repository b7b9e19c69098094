package dev.switchboard.emulator.signalwire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiException;
import dev.switchboard.emulator.server.ApiResponse;
import dev.switchboard.emulator.server.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /api/laml/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers[.json]}: the compatibility view of
 * the same numbers the Relay REST API serves (a number bought through one is seen by the other). Requests are
 * form-encoded with Twilio's PascalCase names; answers use Twilio's snake_case shape ({@link #render}). A
 * write is translated into the Relay REST update ({@link NumberUpdate}) so both APIs check and store a field
 * the same way; its 422s come back in the flat LaML error shape.
 */
final class LamlNumbers {
    /** LaML parameter to Relay REST field. */
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("FriendlyName", "name");
        FIELDS.put("VoiceUrl", "call_request_url");
        FIELDS.put("VoiceMethod", "call_request_method");
        FIELDS.put("VoiceFallbackUrl", "call_fallback_url");
        FIELDS.put("VoiceFallbackMethod", "call_fallback_method");
        FIELDS.put("StatusCallback", "call_status_callback_url");
        FIELDS.put("StatusCallbackMethod", "call_status_callback_method");
        FIELDS.put("VoiceApplicationSid", "call_laml_application_id");
        FIELDS.put("VoiceReceiveMode", "call_receive_mode");
        FIELDS.put("SmsUrl", "message_request_url");
        FIELDS.put("SmsMethod", "message_request_method");
        FIELDS.put("SmsFallbackUrl", "message_fallback_url");
        FIELDS.put("SmsFallbackMethod", "message_fallback_method");
        FIELDS.put("SmsApplicationSid", "message_laml_application_id");
    }

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    private static final Pattern AREA_CODE = Pattern.compile("\\d{3}");

    private LamlNumbers() {
    }

    static ApiResponse list(SwCall call) {
        LamlRoutes.checkAccount(call);
        Pattern number = call.query("PhoneNumber") == null ? null : LamlAvailable.pattern(call.query("PhoneNumber"));
        String friendlyName = call.query("FriendlyName");
        String beta = call.query("Beta");
        String origin = call.query("Origin");
        List<SwNumber> matching = SwProject.newestFirst(call.project().numbers.values()).stream()
                .filter(n -> number == null || number.matcher(n.number()).find())
                .filter(n -> friendlyName == null || friendlyName.equals(friendlyName(n)))
                .filter(n -> beta == null || !Boolean.parseBoolean(beta))
                .filter(n -> origin == null || origin.equals("signalwire"))
                .toList();
        return ApiResponse.json(200, LamlPage.answer(call, matching, "incoming_phone_numbers", SwNumber::id,
                n -> render(call.project(), call.state().refreshed(call.project(), n))));
    }

    static ApiResponse get(SwCall call) {
        return ApiResponse.json(200, render(call.project(), number(call)));
    }

    /** Buys {@code PhoneNumber}, or the first number on sale in {@code AreaCode}; answers 201. */
    static ApiResponse create(SwCall call) {
        LamlRoutes.checkAccount(call);
        Map<String, String> form = call.form();
        String wanted = blankToNull(form.get("PhoneNumber"));
        String areaCode = blankToNull(form.get("AreaCode"));
        if (wanted == null && areaCode == null) {
            throw SwErrors.laml(400, "21450", "A 'PhoneNumber' or 'AreaCode' parameter is required");
        }
        if (wanted == null) {
            if (!AREA_CODE.matcher(areaCode).matches()) {
                throw SwErrors.laml(400, "21451", "AreaCode " + areaCode + " is not valid");
            }
            wanted = call.state().stock().offers().stream()
                    .filter(o -> !o.tollFree() && o.national().startsWith(areaCode) && call.state().isForSale(o.e164()))
                    .map(NumberStock.Offer::e164).findFirst()
                    .orElseThrow(() -> SwErrors.laml(400, "21452", "No phone numbers found in area code " + areaCode));
        } else if (!E164.matcher(wanted).matches()) {
            throw SwErrors.laml(400, "21421", "PhoneNumber " + wanted + " is invalid");
        }
        ObjectNode update = relayUpdate(form);
        SwNumber bought;
        try {
            bought = NumberRoutes.buy(call, wanted);
        } catch (ApiException e) {
            String detail = relayDetail(e);
            throw detail == null ? SwErrors.laml(400, "21422", "PhoneNumber " + wanted + " is not available")
                    : SwErrors.laml(400, "20001", detail);
        }
        try {
            if (!update.isEmpty()) {
                NumberUpdate.apply(call, bought, update);
            }
        } catch (ApiException e) {
            call.state().release(call.project(), bought); // a create with a bad field buys nothing
            throw SwErrors.laml(400, "20001", relayDetail(e));
        }
        return ApiResponse.json(201, render(call.project(), bought));
    }

    /** {@code POST .../IncomingPhoneNumbers/{Sid}}: the given fields only. */
    static ApiResponse update(SwCall call) {
        SwNumber number = number(call);
        Map<String, String> form = call.form();
        if (form.containsKey("AccountSid") && !call.project().projectId.equals(form.get("AccountSid"))) {
            throw SwErrors.laml(400, "20001", "Moving a number to another project (AccountSid) is not emulated");
        }
        ObjectNode update = relayUpdate(form);
        try {
            NumberUpdate.apply(call, number, update);
        } catch (ApiException e) {
            throw SwErrors.laml(400, "20001", relayDetail(e));
        }
        return ApiResponse.json(200, render(call.project(), number));
    }

    /** Releases the number (204); inside the release cooldown a 422 whose code repeats the status. */
    static ApiResponse delete(SwCall call) {
        SwNumber number = number(call);
        try {
            NumberRoutes.release(call, number);
        } catch (ApiException e) {
            throw SwErrors.laml(422, "422", relayDetail(e));
        }
        return new ApiResponse(204, null, Map.of());
    }

    /** The IncomingPhoneNumber resource of an owned number, in the compatibility API's key order. */
    static ObjectNode render(SwProject project, SwNumber number) {
        JsonNode r = number.resource();
        String uri = LamlRoutes.PREFIX + project.projectId + "/IncomingPhoneNumbers/" + number.id() + ".json";
        ObjectNode node = Json.object().put("account_sid", project.projectId).put("address_requirements", "none")
                .putNull("address_sid").put("api_version", "2010-04-01").put("beta", false);
        ObjectNode capabilities = node.putObject("capabilities");
        for (String capability : List.of("voice", "sms", "mms", "fax")) {
            boolean has = false;
            for (JsonNode c : r.path("capabilities")) {
                has |= capability.equals(c.asText());
            }
            capabilities.put(capability, has);
        }
        node.put("date_created", SwTime.rfc2822(number.createdAt()))
                .put("date_updated", SwTime.rfc2822(Json.text(r, "updated_at") == null ? number.createdAt()
                        : SwTime.parse(Json.text(r, "updated_at"), "updated_at")))
                .put("emergency_address_sid", Json.text(r, "e911_address_id"))
                .put("emergency_status", "active".equals(Json.text(r, "e911_status")) ? "Active" : "Inactive")
                .put("friendly_name", friendlyName(number)).putNull("identity_sid").put("origin", "signalwire")
                .put("phone_number", number.number()).put("sid", number.id())
                .put("sms_application_sid", Json.text(r, "message_laml_application_id"))
                .put("sms_fallback_method", method(r, "message_fallback_method"))
                .put("sms_fallback_url", Json.text(r, "message_fallback_url"))
                .put("sms_method", method(r, "message_request_method")).put("sms_url", Json.text(r, "message_request_url"))
                .put("status_callback", Json.text(r, "call_status_callback_url"))
                .put("status_callback_method", method(r, "call_status_callback_method"))
                .putNull("trunk_sid").put("uri", uri)
                .put("voice_application_sid", Json.text(r, "call_laml_application_id")).put("voice_caller_id_lookup", false)
                .put("voice_fallback_method", method(r, "call_fallback_method"))
                .put("voice_fallback_url", Json.text(r, "call_fallback_url"))
                .put("voice_method", method(r, "call_request_method"))
                .put("voice_receive_mode", Json.text(r, "call_receive_mode")).put("voice_url", Json.text(r, "call_request_url"));
        node.putObject("subresource_uris").put("assigned_add_ons", uri.replace(".json", "/AssignedAddOns.json"));
        return node;
    }

    /** The Relay name, or the formatted number while it has none (what the compatibility API shows). */
    static String friendlyName(SwNumber number) {
        return number.name() != null ? number.name() : CallerIdRoutes.formatted(number.number());
    }

    /**
     * The Relay REST update for a LaML form: fields mapped by name; an empty value clears the field; a voice
     * or SMS URL (or application) also selects the matching cXML handler, since only that handler uses it.
     */
    private static ObjectNode relayUpdate(Map<String, String> form) {
        ObjectNode update = Json.object();
        FIELDS.forEach((param, field) -> {
            if (form.containsKey(param)) {
                String value = form.get(param);
                if (value == null || value.isEmpty()) {
                    update.putNull(field);
                } else {
                    update.put(field, value);
                }
            }
        });
        if (update.hasNonNull("call_laml_application_id")) {
            update.put("call_handler", "laml_application");
        } else if (update.hasNonNull("call_request_url")) {
            update.put("call_handler", "laml_webhooks");
        }
        if (update.hasNonNull("message_laml_application_id")) {
            update.put("message_handler", "laml_application");
        } else if (update.hasNonNull("message_request_url")) {
            update.put("message_handler", "laml_webhooks");
        }
        return update;
    }

    private static SwNumber number(SwCall call) {
        LamlRoutes.checkAccount(call);
        SwNumber number = call.project().numbers.get(call.param("sid"));
        if (number == null) {
            throw SwErrors.lamlNotFound(call.request().path());
        }
        return call.state().refreshed(call.project(), number);
    }

    /** The detail of a Relay-shaped error, or null when it has none (a purchase of a number not on sale). */
    static String relayDetail(ApiException e) {
        JsonNode detail = e.response().body().path("errors").path(0).path("detail");
        return detail.isTextual() ? detail.asText() : null;
    }

    private static String method(JsonNode resource, String field) {
        String value = Json.text(resource, field);
        return value == null ? "POST" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
