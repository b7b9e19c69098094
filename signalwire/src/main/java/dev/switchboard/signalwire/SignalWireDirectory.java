package dev.switchboard.signalwire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.ApiRequest;
import dev.switchboard.core.http.HttpApi;
import dev.switchboard.core.http.HttpJson;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.phone.E164;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The project's E911 addresses, number groups (pools) with their memberships, verified caller ids, and
 * the usage of a number. Obtained from {@link SignalWireClient#directory()}; shares its HTTP layer,
 * budget and failure rules. Creates and verification calls are non-idempotent. Thread-safe.
 */
public final class SignalWireDirectory {
    private static final String RELAY = SignalWireClient.RELAY;

    private final HttpApi api;
    private final String lamlAccount;
    private final int pageSize;

    SignalWireDirectory(HttpApi api, String projectId, int pageSize) {
        this.api = api;
        this.lamlAccount = "/api/laml/2010-04-01/Accounts/" + HttpApi.pathSegment(projectId);
        this.pageSize = pageSize;
    }

    /** Every E911 address, optionally only those whose label contains {@code labelFilter}. */
    public List<Address> addresses(String labelFilter) {
        return list(RELAY + "/addresses", "filter_label", labelFilter, SignalWireMapping::address);
    }

    public Address address(String id) {
        return SignalWireMapping.address(api.send(ApiRequest.get(RELAY + "/addresses/" + HttpApi.pathSegment(id))).body());
    }

    /**
     * Creates an address ({@code POST /addresses}). A US address with {@code emergencyEnabled} is validated
     * by the carrier: a failure is a 422 {@link dev.switchboard.core.http.InvalidRequestException} whose text
     * lists the carrier's suggested corrections. Non-idempotent.
     */
    public Address createAddress(AddressSpec spec) {
        return SignalWireMapping.address(api.send(ApiRequest.post(RELAY + "/addresses",
                SignalWireMapping.addressBody(spec))).body());
    }

    /** Deletes an address; numbers already using it keep it. */
    public void deleteAddress(String id) {
        api.send(ApiRequest.delete(RELAY + "/addresses/" + HttpApi.pathSegment(id)));
    }

    /** Every number group, optionally only those whose name contains {@code nameFilter}. */
    public List<NumberGroup> numberGroups(String nameFilter) {
        return list(RELAY + "/number_groups", "filter_name", nameFilter, SignalWireMapping::numberGroup);
    }

    public NumberGroup numberGroup(String id) {
        return SignalWireMapping.numberGroup(api.send(ApiRequest.get(groupPath(id))).body());
    }

    /** Creates a group ({@code POST /number_groups}). Non-idempotent. */
    public NumberGroup createNumberGroup(String name, boolean stickySender) {
        ObjectNode body = HttpJson.object().put("name", requireText(name, "group name")).put("sticky_sender", stickySender);
        return SignalWireMapping.numberGroup(api.send(ApiRequest.post(RELAY + "/number_groups", body)).body());
    }

    /** Renames a group and sets its sticky-sender flag ({@code PUT /number_groups/{id}}; the name is required). */
    public NumberGroup updateNumberGroup(String id, String name, boolean stickySender) {
        ObjectNode body = HttpJson.object().put("name", requireText(name, "group name")).put("sticky_sender", stickySender);
        return SignalWireMapping.numberGroup(api.send(ApiRequest.put(groupPath(id), body)).body());
    }

    /** Deletes a group; its numbers stay owned by the project. */
    public void deleteNumberGroup(String id) {
        api.send(ApiRequest.delete(groupPath(id)));
    }

    /** The numbers in a group, all pages. */
    public List<NumberGroupMembership> memberships(String groupId) {
        ApiRequest first = ApiRequest.get(groupPath(groupId) + "/number_group_memberships")
                .withQuery("page_size", String.valueOf(pageSize));
        return SignalWirePager.relay(api, first).stream().map(SignalWireMapping::membership).toList();
    }

    /** Adds a number to a group. Non-idempotent; a number already in a group is refused with a 422. */
    public NumberGroupMembership addToGroup(String groupId, String phoneNumberId) {
        ObjectNode body = HttpJson.object().put("phone_number_id", requireText(phoneNumberId, "phone number id"));
        return SignalWireMapping.membership(api.send(
                ApiRequest.post(groupPath(groupId) + "/number_group_memberships", body)).body());
    }

    public NumberGroupMembership membership(String membershipId) {
        return SignalWireMapping.membership(api.send(ApiRequest.get(membershipPath(membershipId))).body());
    }

    /** Takes a number out of its group; the number itself is not released. */
    public void removeMembership(String membershipId) {
        api.send(ApiRequest.delete(membershipPath(membershipId)));
    }

    public List<VerifiedCallerId> verifiedCallerIds() {
        return list(RELAY + "/verified_caller_ids", "filter_number", null, SignalWireMapping::verifiedCallerId);
    }

    public VerifiedCallerId verifiedCallerId(String id) {
        return SignalWireMapping.verifiedCallerId(api.send(ApiRequest.get(callerIdPath(id))).body());
    }

    /**
     * Registers a number owned elsewhere ({@code POST /verified_caller_ids}); SignalWire calls it at once
     * and reads out a 6-digit code to submit with {@link #submitVerificationCode}. {@code name} and
     * {@code extension} may be null. Non-idempotent.
     */
    public VerifiedCallerId addVerifiedCallerId(String number, String name, String extension) {
        ObjectNode body = HttpJson.object().put("number", E164.parse(number).value());
        if (name != null) {
            body.put("name", name);
        }
        if (extension != null) {
            body.put("extension", extension);
        }
        return SignalWireMapping.verifiedCallerId(api.send(ApiRequest.post(RELAY + "/verified_caller_ids", body)).body());
    }

    /**
     * Places the verification call again with a new code ({@code POST .../verification}). SignalWire allows
     * one redial a minute and 10 calls per number per week. Non-idempotent (each call is a new code).
     */
    public VerifiedCallerId redialVerification(String id) {
        return SignalWireMapping.verifiedCallerId(api.send(
                ApiRequest.post(callerIdPath(id) + "/verification", HttpJson.object())).body());
    }

    /**
     * Submits the code read out by the verification call ({@code PUT .../verification}). A wrong code is a
     * 422 and counts against the 5 attempts each code allows. The code is masked in traces.
     */
    public VerifiedCallerId submitVerificationCode(String id, String code) {
        Secret secret = Secret.of(requireText(code, "verification code"));
        ObjectNode body = HttpJson.object().put("verification_code", secret.reveal());
        return SignalWireMapping.verifiedCallerId(api.send(
                ApiRequest.put(callerIdPath(id) + "/verification", body).withBodySecrets(secret)).body());
    }

    public void deleteVerifiedCallerId(String id) {
        api.send(ApiRequest.delete(callerIdPath(id)));
    }

    /**
     * Calls and messages of {@code number} from {@code from} to {@code to}, both inclusive (UTC days), from
     * the compatibility API: calls with {@code To}/{@code From} = the number and {@code StartTime>=} /
     * {@code StartTime<=} (Twilio-style: on the wire the parameter names are {@code StartTime>} and
     * {@code StartTime<}, the {@code =} being the separator); messages likewise with {@code DateSent}.
     * Four listings, all pages each.
     */
    public NumberUsage usage(String number, LocalDate from, LocalDate to) {
        String e164 = E164.parse(number).value();
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the usage period ends (" + to + ") before it starts (" + from + ")");
        }
        return new NumberUsage(e164, from, to,
                calls("To", e164, from, to), calls("From", e164, from, to),
                messages("To", e164, from, to), messages("From", e164, from, to));
    }

    private List<CallRecord> calls(String side, String e164, LocalDate from, LocalDate to) {
        ApiRequest first = ApiRequest.get(lamlAccount + "/Calls.json").withQuery(side, e164)
                .withQuery("StartTime>", from.toString())
                .withQuery("StartTime<", to.toString()).withQuery("PageSize", String.valueOf(pageSize));
        return SignalWirePager.laml(api, first, "calls").stream().map(SignalWireMapping::call).toList();
    }

    private List<MessageRecord> messages(String side, String e164, LocalDate from, LocalDate to) {
        ApiRequest first = ApiRequest.get(lamlAccount + "/Messages.json").withQuery(side, e164)
                .withQuery("DateSent>", from.toString()).withQuery("DateSent<", to.toString())
                .withQuery("PageSize", String.valueOf(pageSize));
        return SignalWirePager.laml(api, first, "messages").stream().map(SignalWireMapping::message).toList();
    }

    private <T> List<T> list(String path, String filterName, String filterValue, Function<JsonNode, T> mapper) {
        ApiRequest first = ApiRequest.get(path).withQuery(filterName, filterValue)
                .withQuery("page_size", String.valueOf(pageSize));
        return SignalWirePager.relay(api, first).stream().map(mapper).toList();
    }

    private static String groupPath(String id) {
        return RELAY + "/number_groups/" + HttpApi.pathSegment(id);
    }

    private static String membershipPath(String id) {
        return RELAY + "/number_group_memberships/" + HttpApi.pathSegment(id);
    }

    private static String callerIdPath(String id) {
        return RELAY + "/verified_caller_ids/" + HttpApi.pathSegment(id);
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the " + what + " must not be blank");
        }
        return value.strip();
    }
}
