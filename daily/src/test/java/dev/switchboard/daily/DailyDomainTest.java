package dev.switchboard.daily;

import dev.switchboard.core.http.StubServer;

import dev.switchboard.core.http.RateBudgetRegistry;
import dev.switchboard.core.http.RateLimits;
import dev.switchboard.core.http.Secret;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static dev.switchboard.core.http.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DailyDomainTest extends StubbedDaily {
    private static final String DOMAIN = q("{'domain_name':'acme','domain_id':'30f866c3','config':{'hipaa':false,'lang':'en',"
            + "'pinless_dialin':[{'phone_number':'+18058700061','room_creation_api':'https://bot.example.com','name_prefix':'bot',"
            + "'sip_uri':'static-address--0@example.sip.daily.co','hmac':'aG1hYy1vbmU=','timeout_config':{'message':'later'},"
            + "'custom':'kept'},{'room_creation_api':'https://sip.example.com','hmac':'aG1hYy10d28=','sip_uri':'s2@x'}],"
            + "'pin_dialin':[{'phone_number':'+12555599999','name_prefix':'pin','ivr_greeting':{'message':'code?'}}]}}");

    @Test
    void domainExposesLegacyDialinAndKeepsOtherFields() {
        stub.enqueue(json(200, DOMAIN));
        Domain domain = client.domain();
        assertThat(domain.name()).isEqualTo("acme");
        assertThat(domain.id()).isEqualTo("30f866c3");
        assertThat(domain.config().otherFields()).isEqualTo(tree(q("{'hipaa':false,'lang':'en'}")));
        LegacyPinlessEntry first = domain.config().pinlessDialin().get(0);
        assertThat(first.phoneNumber()).isEqualTo("+18058700061");
        assertThat(first.sipUri()).isEqualTo("static-address--0@example.sip.daily.co");
        assertThat(first.hmac()).isEqualTo(Secret.of("aG1hYy1vbmU="));
        assertThat(first.timeoutConfig()).isEqualTo(tree(q("{'message':'later'}")));
        assertThat(first.extra()).isEqualTo(tree(q("{'custom':'kept'}")));
        assertThat(domain.config().pinlessDialin().get(1).phoneNumber()).isNull();
        assertThat(domain.config().pinDialin()).containsExactly(
                new LegacyPinEntry("+12555599999", "pin", tree(q("{'message':'code?'}")), null));
    }

    @Test
    void domainWithoutDialinArraysHasEmptyLists() {
        stub.enqueue(json(200, q("{'domain_name':'plain','domain_id':'d1','config':{}}")));
        Domain domain = client.domain();
        assertThat(domain.config().pinlessDialin()).isEmpty();
        assertThat(domain.config().pinDialin()).isEmpty();
    }

    @Test
    void replacingLegacyDialinSendsEveryEntryWithItsHmacAndNoSipUri() {
        stub.enqueue(json(200, DOMAIN), json(200, DOMAIN));
        Domain domain = client.domain();
        client.replaceLegacyDialin(domain.config().pinlessDialin().subList(1, 2), domain.config().pinDialin());
        assertThat(request(1).method()).isEqualTo("POST");
        assertThat(request(1).pathAndQuery()).isEqualTo("/v1/");
        assertThat(tree(request(1).body())).isEqualTo(tree(q("{'properties':{'pinless_dialin':[{'room_creation_api':"
                + "'https://sip.example.com','hmac':'aG1hYy10d28='}],'pin_dialin':[{'phone_number':'+12555599999',"
                + "'name_prefix':'pin','ivr_greeting':{'message':'code?'}}]}}")));
    }

    @Test
    void replacingWithAnEntryLackingItsHmacIsRefusedBeforeSending() {
        LegacyPinlessEntry noHmac = new LegacyPinlessEntry("+18058700061", null, null, "https://bot", null, null, null, null);
        assertThatThrownBy(() -> client.replaceLegacyDialin(List.of(noHmac), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("+18058700061 has no hmac");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void clientsForTheSameKeyShareOneCappedBudget() {
        RateBudgetRegistry registry = new RateBudgetRegistry(time, time);
        DailyClientOptions capped = options().withRateBudgets(registry).withMaxRequestsPerSecond(5);
        DailyClient one = new DailyClient(stub.baseUri(), KEY, capped);
        DailyClient two = new DailyClient(URI.create("http://localhost:1/v1"), Secret.of(KEY.reveal()), capped);
        DailyClient other = new DailyClient(stub.baseUri(), Secret.of("another-key"), capped);
        assertThat(one.http().rateBudget()).isSameAs(two.http().rateBudget()).isNotSameAs(other.http().rateBudget());
        // The capped windows (5 per 1 s, 25 per 5 s); no transit slack: the budget counts a request until a
        // window after its answer instead.
        assertThat(one.rateBudget()).isSameAs(one.http().rateBudget());
        assertThat(one.rateBudget().limits()).isEqualTo(RateLimits.of(
                new RateLimits.Window(5, Duration.ofSeconds(1)), new RateLimits.Window(25, Duration.ofSeconds(5))));
        assertThat(one.rateBudget().sustainedRate()).isEqualTo(5.0);
    }

    @Test
    void remotePlainHttpIsRefused() {
        assertThatThrownBy(() -> new DailyClient(URI.create("http://api.daily.co/v1"), KEY, options()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refusing plain http://");
    }
}
