package dev.switchboard.daily;

import dev.switchboard.core.http.StubServer;

import dev.switchboard.core.http.ApiException;
import dev.switchboard.core.http.Secret;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.switchboard.core.http.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The API key, a target key and hmac secrets never show up in anything a human or a log can see. */
class DailySecrecyTest extends StubbedDaily {
    private static final String TARGET = "TARGETKEY-RECOGNISABLE-e81b";
    private static final String HMAC = "SE1BQ1NFQ1JFVFJFQ09HTklTQUJMRTBjNGQ="; // base64, as Daily requires

    @Test
    void secretsAppearNowhere() {
        String config = q("{'id':'c1','type':'pinless_dialin','config':{'phone_number':'+18058700061','hmac':'" + HMAC
                + "','room_creation_api':'https://bot.example.com'}}");
        stub.enqueue(
                json(200, q("{'domain_name':'acme','config':{'pinless_dialin':[{'phone_number':'+18058700061','hmac':'"
                        + HMAC + "','room_creation_api':'https://bot.example.com'}]}}")),
                json(200, config),
                json(400, q("{'error':'invalid-request-error','info':'key " + KEY.reveal() + " or " + TARGET + " refused'}")),
                json(500, q("{'error':'server-error','info':'echo " + TARGET + "'}")),
                json(401, q("{'error':'authentication-error','info':'bad key " + KEY.reveal() + "'}")),
                json(200, config));

        List<String> shown = new ArrayList<>();
        Domain domain = client.domain();
        DialinConfig read = client.dialinConfig("c1");
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> client.transferNumber("n1", "target", Secret.of(TARGET)));
        ApiException unknown = catchThrowableOfType(ApiException.class,
                () -> client.transferNumber("n1", "target", Secret.of(TARGET)));
        ApiException auth = catchThrowableOfType(ApiException.class, () -> client.buyNumber(Optional.empty()));
        DialinConfig created = client.createDialinConfig(read.toSpec());

        for (Object visible : List.of(domain, domain.config(), domain.config().pinlessDialin(), read, read.toSpec(), created,
                client, options(), refused, unknown, auth, refused.error(), unknown.error(), auth.error())) {
            shown.add(String.valueOf(visible));
        }
        shown.add(refused.getMessage());
        shown.add(unknown.getMessage());
        shown.add(auth.getMessage());
        shown.addAll(trace);

        assertThat(trace).hasSizeGreaterThanOrEqualTo(12);
        for (String text : shown) {
            assertThat(text).doesNotContain(KEY.reveal()).doesNotContain(TARGET).doesNotContain(HMAC);
        }
        // They were really in play: sent on the wire, and masked in the trace.
        assertThat(request(2).header("Authorization")).isEqualTo("Bearer " + KEY.reveal());
        assertThat(request(2).body()).contains(TARGET);
        assertThat(request(5).body()).contains(HMAC);
        assertThat(String.join("\n", trace)).contains("\"hmac\":\"****\"").contains("\"transferDomainApi\":\"****\"");
    }
}
