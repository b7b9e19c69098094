package dev.switchboard.daily;

import dev.switchboard.core.http.InvalidRequestException;
import dev.switchboard.core.http.NotFoundException;
import dev.switchboard.core.http.UnknownOutcomeException;
import dev.switchboard.emulator.server.FaultKind;
import dev.switchboard.emulator.server.FaultRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DailyCallsClientTest extends EmulatedOpsDomain {

    @Test
    void roomsAreCreatedReadAndDeleted() {
        Room room = client.rooms().create(RoomSpec.named("support").withDialOut(true).withSip(2, "caller"));
        assertThat(room.dialOutEnabled()).isTrue();
        assertThat(room.sipEndpoints()).hasSize(2);
        assertThat(room.sipUri()).hasValueSatisfying(uri -> assertThat(uri).startsWith("sip:support.0@daily-"));
        assertThat(client.rooms().get("support").sipEndpoints()).isEqualTo(room.sipEndpoints());
        client.rooms().delete("support");
        assertThatThrownBy(() -> client.rooms().get("support")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void dialOutCallerIdIsResolvedToTheNumbersIdAndTheCallCanBeStopped() {
        var number = emulator.admin().daily().addNumber("ops", "+14155550101");
        client.rooms().create(RoomSpec.named("agents").withDialOut(true));
        String callerId = CallerIds.resolve(client.purchasedNumbers(PurchasedNumberFilter.all()), "+1 415 555 0101");
        assertThat(callerId).isEqualTo(number.id());
        assertThatThrownBy(() -> CallerIds.resolve(client.purchasedNumbers(PurchasedNumberFilter.all()), "+14155550199"))
                .hasMessageContaining("not a number purchased");

        String session = client.calls().startDialOut("agents",
                DialOutRequest.to(CallEndpoint.parse("+16175550123")).withCallerId(callerId));
        assertThat(client.roomPresence("agents")).extracting(Participant::id).containsExactly(session);
        client.calls().sendDtmf("agents", session, "1#", 100);
        assertThat(emulator.admin().daily().dtmfSent("ops", session)).containsExactly("1#");
        assertThatThrownBy(() -> client.calls().sendDtmf("agents", session, "x", null))
                .isInstanceOf(IllegalArgumentException.class);
        client.calls().stopDialOut("agents", session);
        assertThat(client.roomPresence("agents")).isEmpty();
    }

    @Test
    void aLostTransferAnswerIsAnUnknownOutcomeAndIsNotResent() {
        client.rooms().create(RoomSpec.named("a").withSip(1, "caller"));
        String session = emulator.admin().daily().dialIn("ops", "sip:alice@sip.example.com", "a", null);
        emulator.admin().addFault(FaultRule.times(1, "POST /v1/rooms/a/sipCallTransfer", FaultKind.APPLIED_LOST_5XX));
        assertThatThrownBy(() -> client.calls().sipCallTransfer("a",
                CallTransferRequest.of(session, CallEndpoint.parse("sip:bob@sip.example.com"))))
                .isInstanceOf(UnknownOutcomeException.class);
        assertThat(emulator.admin().requests().stream().filter(r -> r.path().endsWith("sipCallTransfer")).count())
                .isEqualTo(1);
        assertThat(client.roomPresence("a")).isEmpty();
    }

    @Test
    void referRefusesPhoneTargetsBeforeSending() {
        assertThatThrownBy(() -> client.calls().sipRefer("a", "s", CallEndpoint.parse("+16175550123")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(emulator.admin().requests()).isEmpty();
    }

    @Test
    void webhooksNeedAReachableUrl() {
        assertThatThrownBy(() -> client.webhooks().create(new WebhookSpec("http://127.0.0.1:9/nothing",
                List.of("dialin.connected"), null, null))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("verification");
        assertThat(client.webhooks().list()).isEmpty();
    }
}
