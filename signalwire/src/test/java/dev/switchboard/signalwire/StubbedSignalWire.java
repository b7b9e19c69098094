package dev.switchboard.signalwire;

import dev.switchboard.core.http.StubServer;
import dev.switchboard.core.http.FakeTime;

import dev.switchboard.core.http.RateBudgetRegistry;
import dev.switchboard.core.http.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Base for client tests: a stub space on 127.0.0.1, fake time, seeded jitter, a captured trace. */
abstract class StubbedSignalWire {
    static final long SEED = 6L;
    static final String PROJECT = "b3b1e9a2-6c1d-4a4b-9d55-2f4f1c0a7e11";
    static final Secret TOKEN = Secret.of("PTSWTOKEN-RECOGNISABLE-5e2a");

    final FakeTime time = new FakeTime();
    final List<String> trace = Collections.synchronizedList(new ArrayList<>());
    StubServer stub;
    SignalWireClient client;

    @BeforeEach
    void startStub() throws IOException {
        System.out.println("jitter seed " + SEED);
        stub = new StubServer();
        client = new SignalWireClient(stub.rootUri(), PROJECT, TOKEN, options());
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    SignalWireClientOptions options() {
        return SignalWireClientOptions.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withRateBudgets(new RateBudgetRegistry(time, time))
                .withDebugSink(trace::add)
                .withTiming(time, time, Clock.systemUTC(), new Random(SEED));
    }

    StubServer.Recorded request(int index) {
        return stub.requests().get(index);
    }

    String base() {
        return stub.rootUri().toString();
    }

    static String q(String text) {
        return text.replace('\'', '"');
    }

    /** A phone-number resource as SignalWire sends it, in its field order. */
    static String numberJson(String id, String number, String name) {
        return q("{'id':'" + id + "','name':" + (name == null ? "null" : "'" + name + "'") + ",'number':'" + number
                + "','capabilities':['voice','fax','sms','mms'],'number_type':'longcode','e911_address_id':null,"
                + "'created_at':'2025-06-03T15:51:29Z','updated_at':'2025-06-03T18:10:36Z',"
                + "'next_billed_at':'2025-07-03T15:51:29Z','call_handler':'laml_webhooks',"
                + "'calling_handler_resource_id':null,'call_receive_mode':'voice',"
                + "'call_request_url':'https://app.example.com/voice','call_request_method':'POST',"
                + "'call_fallback_url':null,'call_fallback_method':'POST','call_status_callback_url':'',"
                + "'call_status_callback_method':'POST','call_laml_application_id':null,'call_dialogflow_agent_id':null,"
                + "'call_relay_context':'','call_relay_context_status_callback_url':'','call_relay_topic':'',"
                + "'call_relay_topic_status_callback_url':'','call_relay_application':'','call_relay_connector_id':null,"
                + "'call_sip_endpoint_id':null,'call_verto_resource':'','call_video_room_id':'','call_relay_script_url':'',"
                + "'message_handler':'laml_webhooks','messaging_handler_resource_id':null,"
                + "'message_request_url':'https://app.example.com/sms','message_request_method':'POST',"
                + "'message_fallback_url':null,'message_fallback_method':'POST','message_laml_application_id':null,"
                + "'message_relay_context':'','message_relay_topic':'','country_code':'US'}");
    }
}
