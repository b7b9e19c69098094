package dev.switchboard.signalwire;

import dev.switchboard.core.http.StubServer;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.switchboard.core.http.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Listings follow the links SignalWire gives, as given, until there is none. */
class SignalWirePagingTest extends StubbedSignalWire {

    @Test
    void phoneNumbersFollowLinksNextThroughAnEmptyPageUntilItIsAbsent() {
        String next1 = base() + "/api/relay/rest/phone_numbers?filter_name=Line&page_number=1&page_size=100"
                + "&page_token=PAbff61159-faab-48b3-959a-3021a8f5beca";
        String next2 = base() + "/api/relay/rest/phone_numbers?filter_name=Line&page_number=2&page_size=100"
                + "&page_token=PA222813ff-94f7-449a-8459-a2649d2095b4";
        stub.enqueue(
                json(200, q("{'links':{'self':'x','first':'x','next':'" + next1 + "'},'data':["
                        + numberJson("n1", "+15037154424", "Line 1") + "," + numberJson("n2", "+15037154425", "Line 2") + "]}")),
                json(200, q("{'links':{'self':'x','first':'x','prev':'p','next':'" + next2 + "'},'data':[]}")),
                json(200, q("{'links':{'self':'x','first':'x','prev':'p'},'data':["
                        + numberJson("n3", "+15037154426", "Line 3") + "]}")));

        List<PhoneNumber> numbers = client.phoneNumbers(NumberFilter.byName("Line"));

        assertThat(numbers).extracting(PhoneNumber::id).containsExactly("n1", "n2", "n3");
        assertThat(stub.requests()).extracting(StubServer.Recorded::pathAndQuery).containsExactly(
                "/api/relay/rest/phone_numbers?filter_name=Line&page_size=100",
                next1.substring(base().length()),
                next2.substring(base().length()));
    }

    @Test
    void nullOrEmptyNextEndsTheListing() {
        stub.enqueue(json(200, q("{'links':{'self':'x','next':null},'data':[" + numberJson("n1", "+15037154424", null) + "]}")));
        assertThat(client.phoneNumbers(NumberFilter.all())).hasSize(1);
        stub.enqueue(json(200, q("{'links':{},'data':[]}")));
        assertThat(client.phoneNumbers(NumberFilter.all())).isEmpty();
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void aRepeatedNextLinkStopsWithAnError() {
        String next = base() + "/api/relay/rest/phone_numbers?page_number=1&page_size=100&page_token=PAx";
        stub.enqueue(json(200, q("{'links':{'next':'" + next + "'},'data':[]}")),
                json(200, q("{'links':{'next':'" + next + "'},'data':[]}")));
        assertThatThrownBy(() -> client.phoneNumbers(NumberFilter.all()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("same next page twice");
    }

    @Test
    void aNextLinkToAnotherHostIsNeverFollowed() {
        stub.enqueue(json(200, q("{'links':{'next':'https://evil.example.com/api/relay/rest/phone_numbers?page_number=1'},'data':[]}")));
        assertThatThrownBy(() -> client.phoneNumbers(NumberFilter.all()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("refusing to follow a next link");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void usageReadsFourLamlListingsFollowingNextPageUri() {
        String calls = "/api/laml/2010-04-01/Accounts/" + PROJECT + "/Calls.json";
        String messages = "/api/laml/2010-04-01/Accounts/" + PROJECT + "/Messages.json";
        String nextCalls = calls + "?To=%2B15037154424&Page=1&PageSize=100&PageToken=PA9f1";
        stub.enqueue(
                json(200, q("{'calls':[{'sid':'c1','from':'+12125550100','to':'+15037154424','direction':'inbound',"
                        + "'status':'completed','start_time':'Tue, 07 Jan 2025 10:00:00 +0000',"
                        + "'end_time':'Tue, 07 Jan 2025 10:02:00 +0000','duration':'120'}],"
                        + "'next_page_uri':'" + nextCalls + "'}")),
                json(200, q("{'calls':[{'sid':'c2','from':'+12125550101','to':'+15037154424','direction':'inbound',"
                        + "'status':'completed','duration':'30'}],'next_page_uri':null}")),
                json(200, q("{'calls':[{'sid':'c3','from':'+15037154424','to':'+12125550100','direction':'outbound-api',"
                        + "'status':'completed','duration':'15'}],'next_page_uri':null}")),
                json(200, q("{'messages':[{'sid':'m1','from':'+12125550100','to':'+15037154424','direction':'inbound',"
                        + "'status':'received','date_sent':'Wed, 08 Jan 2025 09:00:00 +0000','num_segments':'1'}],"
                        + "'next_page_uri':null}")),
                json(200, q("{'messages':[],'next_page_uri':null}")));

        NumberUsage usage = client.usage("+1 503 715 4424", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31));

        assertThat(usage.inboundCalls()).extracting(CallRecord::sid).containsExactly("c1", "c2");
        assertThat(usage.outboundCalls()).extracting(CallRecord::sid).containsExactly("c3");
        assertThat(usage.callSeconds()).isEqualTo(165);
        assertThat(usage.inboundMessages()).singleElement().satisfies(m -> {
            assertThat(m.dateSent()).isEqualTo("2025-01-08T09:00:00Z");
            assertThat(m.segments()).isEqualTo(1);
        });
        assertThat(usage.inboundCalls().get(0).startTime()).isEqualTo("2025-01-07T10:00:00Z");
        assertThat(stub.requests()).extracting(StubServer.Recorded::pathAndQuery).containsExactly(
                calls + "?To=%2B15037154424&StartTime%3E=2025-01-01&StartTime%3C=2025-01-31&PageSize=100",
                nextCalls,
                calls + "?From=%2B15037154424&StartTime%3E=2025-01-01&StartTime%3C=2025-01-31&PageSize=100",
                messages + "?To=%2B15037154424&DateSent%3E=2025-01-01&DateSent%3C=2025-01-31&PageSize=100",
                messages + "?From=%2B15037154424&DateSent%3E=2025-01-01&DateSent%3C=2025-01-31&PageSize=100");
    }

    @Test
    void usageRefusesAnInvertedPeriodBeforeAnyCall() {
        assertThatThrownBy(() -> client.usage("+15037154424", LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1)))
                .hasMessageContaining("ends (2025-01-01) before it starts (2025-02-01)");
        assertThat(stub.requests()).isEmpty();
    }
}
