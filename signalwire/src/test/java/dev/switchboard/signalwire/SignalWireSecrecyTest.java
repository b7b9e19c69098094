package dev.switchboard.signalwire;

import dev.switchboard.core.http.StubServer;

import dev.switchboard.core.http.ApiException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.switchboard.core.http.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The API token and verification codes never show up in anything a human or a log can see. */
class SignalWireSecrecyTest extends StubbedSignalWire {
    private static final String CODE = "918273";

    @Test
    void tokenAndCodeAppearNowhere() {
        stub.enqueue(
                json(200, numberJson("n1", "+15037154424", "Main")),
                json(422, q("{'errors':[{'detail':'token " + TOKEN.reveal() + " refused','status':'422','title':'x','code':'422'}]}")),
                json(401, "Unauthorized " + TOKEN.reveal()),
                json(422, q("{'errors':[{'detail':'Verification code " + CODE + " is invalid','status':'422',"
                        + "'title':'Invalid Attribute','code':'invalid_verification_code'}]}")),
                json(500, q("{'code':'500','message':'echo " + TOKEN.reveal() + "','status':500}")));

        PhoneNumber number = client.phoneNumber("n1");
        ApiException refused = catchThrowableOfType(ApiException.class, () -> client.purchaseNumber("+15037154424"));
        ApiException auth = catchThrowableOfType(ApiException.class, () -> client.phoneNumbers(NumberFilter.all()));
        ApiException wrongCode = catchThrowableOfType(ApiException.class,
                () -> client.directory().submitVerificationCode("v1", CODE));
        ApiException unknown = catchThrowableOfType(ApiException.class,
                () -> client.directory().addVerifiedCallerId("+12125550100", "Desk", null));

        List<String> shown = new ArrayList<>();
        for (Object visible : List.of(number, client, client.directory(), options(), refused, auth, wrongCode, unknown,
                refused.error(), auth.error(), wrongCode.error(), unknown.error())) {
            shown.add(String.valueOf(visible));
        }
        for (ApiException e : List.of(refused, auth, wrongCode, unknown)) {
            shown.add(e.getMessage());
        }
        shown.addAll(trace);

        assertThat(trace).hasSizeGreaterThanOrEqualTo(10);
        for (String text : shown) {
            assertThat(text).doesNotContain(TOKEN.reveal()).doesNotContain(CODE);
        }
        assertThat(request(3).body()).contains(CODE);
        assertThat(String.join("\n", trace)).contains("\"verification_code\":\"****\"").contains("Authorization: Basic ****");
    }
}
