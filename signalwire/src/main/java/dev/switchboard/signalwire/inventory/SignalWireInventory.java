package dev.switchboard.signalwire.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Map;

/**
 * The {@code signalwire:} section of an inventory file: what one project should hold. A section left out
 * (null) is not managed; in a section that is there, a live resource the file leaves out is deleted, except
 * numbers, which are only released when marked {@code release: true} (and the run allows it). A field left
 * out of an entry keeps its live value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SignalWireInventory(List<Number> numbers, List<Group> groups, List<E911Address> addresses,
                                  List<CallerId> verifiedCallerIds) {

    /**
     * A number with its handlers: {@code call} and {@code message} hold the phone-number fields without their
     * {@code call_} / {@code message_} prefix ({@code handler: laml_webhooks, request_url: ...}).
     * {@code e911Address} is an address label, or {@code none} to remove the assignment.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Number(String number, String name, Map<String, String> call, Map<String, String> message,
                         String e911Address, Boolean release) {
        public boolean releaseRequested() {
            return Boolean.TRUE.equals(release);
        }
    }

    /** A number group, by name, with its member numbers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Group(String name, Boolean stickySender, List<String> numbers) {
    }

    /** An E911 address, by label (labels are unique in the file). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record E911Address(String label, String country, String firstName, String lastName, String streetNumber,
                              String streetName, String addressType, String addressNumber, String city, String state,
                              String postalCode, Boolean emergencyEnabled) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CallerId(String number, String name, String extension) {
    }
}
