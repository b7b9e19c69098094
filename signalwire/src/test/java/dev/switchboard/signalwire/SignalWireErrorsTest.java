package dev.switchboard.signalwire;

import dev.switchboard.core.http.StubServer;

import dev.switchboard.core.http.AuthenticationException;
import dev.switchboard.core.http.ErrorDecoder.DecodedError;
import dev.switchboard.core.http.InvalidRequestException;
import dev.switchboard.core.http.NotFoundException;
import dev.switchboard.core.http.RateLimitedException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.switchboard.core.http.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The three error shapes, the front door's plain-text 401, 404 bodies, and 429 handling. */
class SignalWireErrorsTest extends StubbedSignalWire {
    private final SignalWireErrorDecoder decoder = new SignalWireErrorDecoder();

    @Test
    void relayRestShape() {
        assertThat(decoder.decode(422, q("{'errors':[{'detail':'Number is not E.164','status':'422','title':'Invalid"
                + " Attribute','code':'not_e164'}]}"))).isEqualTo(new DecodedError("not_e164", "Number is not E.164"));
        assertThat(decoder.decode(422, q("{'errors':[{'detail':null,'status':'422','title':'Invalid Attribute','code':'422'}]}")))
                .isEqualTo(new DecodedError(null, "Invalid Attribute (no detail given)"));
    }

    @Test
    void addressCandidatesAreListedInTheText() {
        DecodedError decoded = decoder.decode(422, q("{'errors':[{'detail':'Address could not be validated','status':'422',"
                + "'title':'Invalid Attribute','code':'address_invalid'}],'candidates':[{'street_number':'123',"
                + "'street_name':'Main St','city':'New York','state':'NY','postal_code':'10001'}]}"));
        assertThat(decoded.errorType()).isEqualTo("address_invalid");
        assertThat(decoded.info()).isEqualTo("Address could not be validated; suggested: 123 Main St, New York, NY 10001");
    }

    @Test
    void fabricShape() {
        assertThat(decoder.decode(422, q("{'errors':[{'type':'validation_error','code':'invalid_parameter',"
                + "'message':'Name must be present','attribute':'name','url':'https://x'}]}")))
                .isEqualTo(new DecodedError("invalid_parameter", "Name must be present (name)"));
    }

    @Test
    void lamlFlatShape() {
        assertThat(decoder.decode(400, q("{'code':'21217','message':'Phone number does not appear to be valid',"
                + "'more_info':'https://developer.signalwire.com/compatibility-api/reference/error-codes','status':400}")))
                .isEqualTo(new DecodedError("21217", "Phone number does not appear to be valid"));
    }

    @Test
    void plainTextAndNotFoundBodies() {
        assertThat(decoder.decode(401, "Unauthorized")).isEqualTo(new DecodedError(null, "Unauthorized"));
        assertThat(decoder.decode(404, q("{'error':'Not Found'}"))).isEqualTo(new DecodedError(null, "Not Found"));
        assertThat(decoder.decode(404, q("'Not Found'"))).isEqualTo(new DecodedError(null, "Not Found"));
        assertThat(decoder.decode(500, "")).isEqualTo(DecodedError.EMPTY);
    }

    @Test
    void statusesBecomeTheTypedExceptions() {
        stub.enqueue(json(401, "Unauthorized", Map.of("Content-Type", "text/plain")), json(404, q("{'error':'Not Found'}")));
        assertThatThrownBy(() -> client.phoneNumber("n1")).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("401: Unauthorized");
        assertThatThrownBy(() -> client.phoneNumber("n1")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a429PausesTheBudgetForRetryAfterAndRetriesEvenAPurchase() {
        stub.enqueue(json(429, q("{'errors':[{'detail':'Too many requests','status':'429','title':'Rate limit',"
                        + "'code':'rate_limit_exceeded'}]}"), Map.of("Retry-After", "3")),
                json(200, numberJson("n1", "+15037154424", null)));
        assertThat(client.purchaseNumber("+15037154424").id()).isEqualTo("n1");
        assertThat(stub.requests()).hasSize(2);
        assertThat(time.sleeps()).contains(Duration.ofSeconds(3));
    }

    @Test
    void persistent429EndsAsRateLimited() {
        for (int i = 0; i < 4; i++) {
            stub.enqueue(json(429, q("{'errors':[{'detail':'slow down','status':'429','title':'Rate limit','code':'rate_limit_exceeded'}]}")));
        }
        assertThatThrownBy(() -> client.phoneNumbers(NumberFilter.all())).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("rate_limit_exceeded: slow down");
        assertThat(stub.requests()).hasSize(4);
    }

    @Test
    void groupMembershipConflictIsAnInvalidRequest() {
        stub.enqueue(json(422, q("{'errors':[{'detail':'Phone number is already in a number group','status':'422',"
                + "'title':'Invalid Attribute','code':'422'}]}")));
        assertThatThrownBy(() -> client.directory().addToGroup("g1", "n1")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("already in a number group");
    }
}
