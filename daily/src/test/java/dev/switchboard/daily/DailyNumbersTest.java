package dev.switchboard.daily;

import dev.switchboard.core.http.StubServer;

import dev.switchboard.core.http.IncompleteListException;
import dev.switchboard.core.http.InvalidRequestException;
import dev.switchboard.core.http.NotFoundException;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.http.UnknownOutcomeException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.switchboard.core.http.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DailyNumbersTest extends StubbedDaily {

    @Test
    void purchasedNumbersPageByPaginationIdUntilTheTotalCountIsRead() {
        stub.enqueue(
                json(200, q("{'total_count':4,'data':[{'id':'a','pagination_id':3391,'number':'+18058700061',"
                        + "'name':'Acme','type':'purchased_phone_number','status':'verified','verified':true,"
                        + "'created_date':'2025-03-14T04:46:31.000Z'},{'id':'b','pagination_id':3392,'number':'+16575870006'}]}")),
                json(200, q("{'total_count':4,'data':[{'id':'c','pagination_id':3393,'phone_number':'+14155550100',"
                        + "'created_at':'2025-01-01T00:00:00Z','country':'US','provider':'carrier','deleted':true},"
                        + "{'number':'+12125550199','name':'Owned elsewhere','verified':true}]}")));

        List<PurchasedNumber> numbers = client.purchasedNumbers(new PurchasedNumberFilter("Acme Co", "+1805"));

        assertThat(numbers).extracting(PurchasedNumber::number)
                .containsExactly("+18058700061", "+16575870006", "+14155550100", "+12125550199");
        assertThat(numbers.get(0)).isEqualTo(new PurchasedNumber("a", 3391L, "+18058700061", "Acme",
                "purchased_phone_number", "verified", true, Instant.parse("2025-03-14T04:46:31Z"), null, null, null));
        assertThat(numbers.get(2).createdDate()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(numbers.get(2).isDeleted()).isTrue();
        assertThat(numbers.get(2).country()).isEqualTo("US");
        assertThat(numbers.get(3).hasId()).isFalse();
        assertThat(stub.requests()).extracting(StubServer.Recorded::pathAndQuery).containsExactly(
                "/v1/purchased-phone-numbers?filter_name=Acme%20Co&filter_number=%2B1805&limit=50",
                "/v1/purchased-phone-numbers?filter_name=Acme%20Co&filter_number=%2B1805&limit=50&starting_after=3392");
    }

    @Test
    void aPageListenerHearsOfEveryPageWithTheCountSoFarAndTheTotal() {
        stub.enqueue(json(200, q("{'total_count':3,'data':[{'id':'a','number':'+18058700061'},{'id':'b','number':'+18058700062'}]}")),
                json(200, q("{'total_count':3,'data':[{'id':'c','number':'+18058700063'}]}")),
                json(200, q("{'data':[{'id':'d','number':'+18058700064'}]}")), json(200, q("{'data':[]}")));
        List<String> pages = new ArrayList<>();
        DailyClient listened = new DailyClient(stub.baseUri(), KEY,
                options().withPageListener((path, read, total) -> pages.add(path + " " + read + "/" + total)));

        listened.purchasedNumbers(PurchasedNumberFilter.all());
        listened.purchasedNumbers(PurchasedNumberFilter.all());

        assertThat(pages).containsExactly("/purchased-phone-numbers 2/3", "/purchased-phone-numbers 3/3",
                "/purchased-phone-numbers 1/-1");
    }

    @Test
    void withoutATotalCountPagingEndsAtAnEmptyPage() {
        stub.enqueue(json(200, q("{'data':[{'id':'a','number':'+18058700061'}]}")), json(200, q("{'data':[]}")));
        assertThat(client.purchasedNumbers(PurchasedNumberFilter.all())).hasSize(1);
        assertThat(stub.requests()).extracting(StubServer.Recorded::pathAndQuery).containsExactly(
                "/v1/purchased-phone-numbers?limit=50", "/v1/purchased-phone-numbers?limit=50&starting_after=a");
    }

    @Test
    void purchasedNumbersFallBackToIdCursor() {
        stub.enqueue(json(200, q("{'total_count':2,'data':[{'id':'85a70a9a','number':'+18058700061'}]}")),
                json(200, q("{'total_count':2,'data':[{'id':'95a70a9a','number':'+18058700062'}]}")));
        assertThat(client.purchasedNumbers(PurchasedNumberFilter.all())).hasSize(2);
        assertThat(request(1).pathAndQuery()).isEqualTo("/v1/purchased-phone-numbers?limit=50&starting_after=85a70a9a");
    }

    @Test
    void countDifferentFromTotalIsAnIncompleteList() {
        stub.enqueue(json(200, q("{'total_count':3,'data':[{'id':'a','number':'+18058700061'}]}")),
                json(200, q("{'total_count':3,'data':[]}")));
        assertThatThrownBy(() -> client.purchasedNumbers(PurchasedNumberFilter.all()))
                .isInstanceOfSatisfying(IncompleteListException.class, e -> {
                    assertThat(e.expected()).isEqualTo(3);
                    assertThat(e.received()).isEqualTo(1);
                })
                .hasMessageContaining("/purchased-phone-numbers listed 1 items but the provider reported total_count 3");
    }

    @Test
    void availableNumbersAcceptBothItemKeysAndSendTheQuery() {
        stub.enqueue(json(200, q("{'total_count':2,'data':[{'phoneNumber':'+13058700061','region':'FL'},"
                + "{'number':'+19499800001','region':'CA'}]}")));
        List<AvailableNumber> offered = client.availableNumbers(AvailableNumberQuery.inRegion("FL").withCity("Fort Lauderdale"));
        assertThat(offered).containsExactly(new AvailableNumber("+13058700061", "FL"), new AvailableNumber("+19499800001", "CA"));
        assertThat(request(0).pathAndQuery()).isEqualTo("/v1/list-available-numbers?region=FL&city=Fort%20Lauderdale");
    }

    @Test
    void availableNumberRulesAreCheckedBeforeAnyCall() {
        assertThatThrownBy(() -> new AvailableNumberQuery("305", "FL", null, null, null, null))
                .hasMessageContaining("region cannot be combined with areacode");
        assertThatThrownBy(() -> AvailableNumberQuery.any().withCity("Miami")).hasMessageContaining("city requires region");
        assertThatThrownBy(() -> AvailableNumberQuery.inRegion("FL").withContains("555").withCity("Miami"))
                .hasMessageContaining("city cannot be combined");
        assertThatThrownBy(() -> AvailableNumberQuery.any().withStartsWith("305").withContains("555"))
                .hasMessageContaining("starts_with cannot be combined");
        assertThatThrownBy(() -> AvailableNumberQuery.any().withContains("555").withEndsWith("1234"))
                .hasMessageContaining("ends_with cannot be combined");
        assertThatThrownBy(() -> AvailableNumberQuery.any().withContains("55")).hasMessageContaining("3 to 7 digits");
        assertThatThrownBy(() -> AvailableNumberQuery.any().withEndsWith("12345678")).hasMessageContaining("3 to 7 digits");
        assertThatThrownBy(() -> AvailableNumberQuery.inRegion("Florida")).hasMessageContaining("alpha-2");
        assertThat(AvailableNumberQuery.inAreaCode("305").withEndsWith("0061").endsWith()).isEqualTo("0061");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void buyNumberSendsTheNumberOrNothing() {
        stub.enqueue(json(200, q("{'id':'n1','number':'+18058700061'}")), json(200, q("{'id':'n2','number':'+14155550000'}")));
        assertThat(client.buyNumber(Optional.of("+18058700061"))).isEqualTo(new BoughtNumber("n1", "+18058700061"));
        assertThat(client.buyNumber(Optional.empty()).id()).isEqualTo("n2");
        assertThat(request(0).body()).isEqualTo(q("{'number':'+18058700061'}"));
        assertThat(request(1).body()).isEqualTo("{}");
    }

    @Test
    void buyRefusedByTheCarrierDecodesTheErrorsArray() {
        stub.enqueue(json(422, q("{'errors':[{'detail':'Number is invalid.','status':'422','title':'Invalid Attribute',"
                + "'code':'422'}],'status':422}")));
        assertThatThrownBy(() -> client.buyNumber(Optional.of("+10000000000")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errorType()).isNull();
                    assertThat(e.info()).isEqualTo("Invalid Attribute: Number is invalid.");
                });
    }

    @Test
    void buyAnsweredServerErrorIsUnknownOutcomeAndNotResent() {
        stub.enqueue(json(500, q("{'error':'server-error','info':'oops'}")), json(200, q("{'id':'n1'}")));
        assertThatThrownBy(() -> client.buyNumber(Optional.empty())).isInstanceOf(UnknownOutcomeException.class);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void releaseWithinFourteenDaysIsReleaseLocked() {
        stub.enqueue(json(422, q("{'error':'Failed to release new number, try again in 14 days'}")));
        assertThatThrownBy(() -> client.releaseNumber("n1"))
                .isInstanceOfSatisfying(ReleaseLockedException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.info()).isEqualTo("Failed to release new number, try again in 14 days");
                    assertThat(e.getMessage()).isEqualTo(
                            "DELETE /release-phone-number/n1 -> 422: Failed to release new number, try again in 14 days");
                });
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void releaseSucceedsOrReportsAMissingNumber() {
        stub.enqueue(json(200, q("{'status':'ok'}")), json(404, q("{'error':'not-found','info':'no such number'}")));
        client.releaseNumber("n1");
        assertThat(request(0).method()).isEqualTo("DELETE");
        assertThat(request(0).pathAndQuery()).isEqualTo("/v1/release-phone-number/n1");
        assertThatThrownBy(() -> client.releaseNumber("n2")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void transferSendsTargetAndReturnsTheNewId() {
        Secret target = Secret.of("TARGET-KEY-RECOGNISABLE-31");
        stub.enqueue(json(200, q("{'status':true,'newId':'new-uuid'}")));
        assertThat(client.transferNumber("old-uuid", "target-domain", target)).isEqualTo("new-uuid");
        assertThat(request(0).method()).isEqualTo("POST");
        assertThat(request(0).pathAndQuery()).isEqualTo("/v1/transfer-phone-number/old-uuid");
        assertThat(tree(request(0).body())).isEqualTo(tree(q(
                "{'transferDomainName':'target-domain','transferDomainApi':'TARGET-KEY-RECOGNISABLE-31'}")));
        assertThat(String.join("\n", trace)).doesNotContain(target.reveal()).contains("\"transferDomainApi\":\"****\"");
    }

    @Test
    void transferFailingAfterSendIsUnknownOutcomeWithExactlyOneRequest() {
        Secret target = Secret.of("TARGET-KEY-RECOGNISABLE-31");
        stub.enqueue(json(502, q("{'error':'server-error','info':'bad gateway'}")));
        assertThatThrownBy(() -> client.transferNumber("old", "target", target)).isInstanceOf(UnknownOutcomeException.class);
        assertThat(stub.requests()).hasSize(1);

        // A connection closed after the request was sent; a second reply stands ready but must not be used.
        stub.enqueue(new StubServer.Drop(), json(200, q("{'newId':'x'}")));
        assertThatThrownBy(() -> client.transferNumber("old2", "target", target)).isInstanceOf(UnknownOutcomeException.class);
        assertThat(stub.requests()).hasSize(2);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void transferRefusedByTheRateLimiterIsRetried() {
        stub.enqueue(json(429, q("{'error':'rate-limit-error','info':'slow down'}")), json(200, q("{'status':true,'newId':'n9'}")));
        assertThat(client.transferNumber("old", "target", Secret.of("t-key"))).isEqualTo("n9");
        assertThat(stub.requests()).hasSize(2);
        assertThat(time.sleeps()).hasSize(1);
    }

    @Test
    void transferAnswerWithoutNewIdIsAnUnknownOutcome() {
        stub.enqueue(json(200, q("{'status':true}")));
        assertThatThrownBy(() -> client.transferNumber("old", "target", Secret.of("t-key")))
                .isInstanceOf(UnknownOutcomeException.class).hasMessageContaining("no newId");
    }
}
