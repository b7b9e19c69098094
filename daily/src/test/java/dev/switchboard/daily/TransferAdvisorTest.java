package dev.switchboard.daily;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransferAdvisorTest {
    private static final CallEndpoint IVR = CallEndpoint.parse("sip:ivr@sip.example.com");
    private static final CallEndpoint ELSEWHERE = CallEndpoint.parse("sip:support@sip.elsewhere.com");
    private static final CallEndpoint ROOM = CallEndpoint.parse("sip:room-b.0@daily-1234.sip.signalwire.com");
    private static final CallEndpoint PHONE = CallEndpoint.parse("+1 (617) 555-0111");

    @Test
    void parsesTheThreeKindsOfEndpoint() {
        assertThat(PHONE).isEqualTo(new CallEndpoint.Pstn(dev.switchboard.core.phone.E164.parse("+16175550111")));
        assertThat(ROOM).isInstanceOf(CallEndpoint.DailySip.class);
        assertThat(CallEndpoint.parse("room-b@acme.sip.daily.co")).isInstanceOf(CallEndpoint.DailySip.class)
                .extracting(CallEndpoint::wire).isEqualTo("sip:room-b@acme.sip.daily.co");
        assertThat(IVR).isInstanceOf(CallEndpoint.ExternalSip.class);
        assertThatThrownBy(() -> CallEndpoint.parse("room-b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void referIsChosenOnlyBetweenTwoExternalSipEndsThatSupportIt() {
        TransferAdvice refer = TransferAdvisor.choose(IVR, ELSEWHERE, true);
        assertThat(refer.method()).isEqualTo(TransferMethod.SIP_REFER);
        assertThat(refer.reason()).contains("sip.example.com");
        assertThat(refer.cost()).contains("one-time");

        TransferAdvice noSupport = TransferAdvisor.choose(IVR, ELSEWHERE, false);
        assertThat(noSupport.method()).isEqualTo(TransferMethod.SIP_CALL_TRANSFER);
        assertThat(noSupport.reason()).contains("does not support REFER");
        assertThat(noSupport.cost()).contains("both billed");
    }

    @Test
    void everyRuleThatExcludesReferIsNamed() {
        assertThat(TransferAdvisor.referRuledOut(IVR, PHONE, true)).hasValueSatisfying(r -> assertThat(r)
                .contains("SIP URIs only"));
        assertThat(TransferAdvisor.referRuledOut(IVR, ROOM, true)).hasValueSatisfying(r -> assertThat(r)
                .contains("room-to-room"));
        assertThat(TransferAdvisor.referRuledOut(PHONE, ELSEWHERE, true)).hasValueSatisfying(r -> assertThat(r)
                .contains("phone network"));
        assertThat(TransferAdvisor.referRuledOut(ROOM, ELSEWHERE, true)).hasValueSatisfying(r -> assertThat(r)
                .contains("inside Daily"));
        assertThat(TransferAdvisor.referRuledOut(null, ELSEWHERE, true)).isEmpty();
    }

    @Test
    void anUnknownOriginGetsTheTransferThatAlwaysWorks() {
        TransferAdvice advice = TransferAdvisor.choose(null, ELSEWHERE, true);
        assertThat(advice.method()).isEqualTo(TransferMethod.SIP_CALL_TRANSFER);
        assertThat(advice.reason()).contains("origin is unknown");
        assertThat(TransferAdvisor.choose(PHONE, PHONE, true).cost())
                .contains("original PSTN leg and a new PSTN leg");
    }
}
