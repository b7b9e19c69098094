package dev.switchboard.signalwire;

import dev.switchboard.core.http.StubServer;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.switchboard.signalwire.SignalWireNumbersTest.tree;
import static dev.switchboard.core.http.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Addresses, number groups and memberships, verified caller ids. */
class SignalWireDirectoryTest extends StubbedSignalWire {
    private static final String ADDRESS = "{'id':'ad1','label':'Office','country':'US','first_name':'Ada','last_name':"
            + "'Lovelace','street_number':'123','street_name':'Main St','address_type':'Suite','address_number':'4',"
            + "'city':'New York','state':'NY','postal_code':'10001','zip_code':'10001','emergency_enabled':true,"
            + "'validated':true,'validated_at':'2025-06-03T15:51:29Z'}";

    @Test
    void addressesCreateListDelete() {
        stub.enqueue(json(201, q(ADDRESS)), json(200, q("{'links':{},'data':[" + ADDRESS + "]}")), json(204, ""));
        Address created = client.directory().createAddress(new AddressSpec("Office", "us", "Ada", "Lovelace", "123",
                "Main St", "suite", "4", "New York", "ny", "10001", true, null));
        assertThat(created.validated()).isTrue();
        assertThat(created.validatedAt()).isEqualTo(Instant.parse("2025-06-03T15:51:29Z"));
        assertThat(created.oneLine()).isEqualTo("123 Main St Suite 4, New York, NY 10001, US");
        assertThat(tree(request(0).body())).isEqualTo(tree(q("{'label':'Office','country':'US','first_name':'Ada',"
                + "'last_name':'Lovelace','street_number':'123','street_name':'Main St','city':'New York','state':'NY',"
                + "'postal_code':'10001','emergency_enabled':true,'address_type':'Suite','address_number':'4'}")));
        assertThat(client.directory().addresses("Off")).containsExactly(created);
        assertThat(request(1).pathAndQuery()).isEqualTo("/api/relay/rest/addresses?filter_label=Off&page_size=100");
        client.directory().deleteAddress("ad1");
        assertThat(request(2).method() + " " + request(2).pathAndQuery()).isEqualTo("DELETE /api/relay/rest/addresses/ad1");
    }

    @Test
    void addressRulesAreCheckedBeforeAnyCall() {
        assertThatThrownBy(() -> new AddressSpec("Office", "US", "Ada", "Lovelace", "123", "Main St", null, null,
                "New York", "New York", "10001", true, null)).hasMessageContaining("state must be a 2-letter code");
        assertThatThrownBy(() -> new AddressSpec("Office", "USA", "Ada", "Lovelace", "123", "Main St", null, null,
                "New York", "NY", "10001", true, null)).hasMessageContaining("alpha-2");
        assertThatThrownBy(() -> new AddressSpec("Office", "US", "Ada", "", "123", "Main St", null, null,
                "New York", "NY", "10001", true, null)).hasMessageContaining("last_name is required");
        assertThatThrownBy(() -> new AddressSpec("Office", "US", "Ada", "L", "123", "Main St", "Igloo", null,
                "New York", "NY", "10001", true, null)).hasMessageContaining("address_type must be one of");
        assertThat(new AddressSpec("Office", "GB", "Ada", "L", "1", "High St", null, null, "London", "Greater London",
                "SW1A 1AA", false, false).state()).isEqualTo("Greater London");
    }

    @Test
    void groupsAndMemberships() {
        String group = q("{'id':'g1','name':'sales','sticky_sender':true,'phone_number_count':0}");
        String membership = q("{'id':'m1','number_group_id':'g1','phone_number':{'id':'n1','name':'Main',"
                + "'number':'+15037154424','capabilities':['voice','sms']}}");
        stub.enqueue(json(201, group), json(201, membership),
                json(200, q("{'links':{},'data':[" + membership + "]}")), json(204, ""), json(204, ""));
        NumberGroup created = client.directory().createNumberGroup("sales", true);
        assertThat(created).isEqualTo(new NumberGroup("g1", "sales", true, 0));
        assertThat(tree(request(0).body())).isEqualTo(tree(q("{'name':'sales','sticky_sender':true}")));
        NumberGroupMembership added = client.directory().addToGroup("g1", "n1");
        assertThat(added).isEqualTo(new NumberGroupMembership("m1", "g1", "n1", "+15037154424", "Main",
                java.util.List.of("voice", "sms")));
        assertThat(request(1).pathAndQuery()).isEqualTo("/api/relay/rest/number_groups/g1/number_group_memberships");
        assertThat(client.directory().memberships("g1")).containsExactly(added);
        client.directory().removeMembership("m1");
        assertThat(request(3).pathAndQuery()).isEqualTo("/api/relay/rest/number_group_memberships/m1");
        client.directory().deleteNumberGroup("g1");
        assertThat(request(4).pathAndQuery()).isEqualTo("/api/relay/rest/number_groups/g1");
    }

    @Test
    void verifiedCallerIdFlow() {
        String awaiting = q("{'type':'verified_caller_id','id':'v1','name':'Desk','extension':null,'number':'+12125550100',"
                + "'verified':false,'verified_at':null,'status':'Awaiting Verification'}");
        String verified = q("{'type':'verified_caller_id','id':'v1','name':'Desk','extension':null,'number':'+12125550100',"
                + "'verified':true,'verified_at':'2025-06-03T15:51:29Z','status':'Verified'}");
        stub.enqueue(json(201, awaiting), json(200, awaiting), json(200, verified));
        VerifiedCallerId added = client.directory().addVerifiedCallerId("+1 212 555 0100", "Desk", null);
        assertThat(added.verified()).isFalse();
        assertThat(tree(request(0).body())).isEqualTo(tree(q("{'number':'+12125550100','name':'Desk'}")));
        client.directory().redialVerification("v1");
        assertThat(request(1).method() + " " + request(1).pathAndQuery())
                .isEqualTo("POST /api/relay/rest/verified_caller_ids/v1/verification");
        VerifiedCallerId done = client.directory().submitVerificationCode("v1", "123456");
        assertThat(done.status()).isEqualTo("Verified");
        assertThat(request(2).method()).isEqualTo("PUT");
        assertThat(tree(request(2).body())).isEqualTo(tree(q("{'verification_code':'123456'}")));
    }
}
