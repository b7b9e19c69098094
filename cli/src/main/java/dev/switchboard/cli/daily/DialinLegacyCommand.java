package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.Table;
import dev.switchboard.daily.DomainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code switchboard daily dialin legacy}: the deprecated {@code config.pinless_dialin} / {@code pin_dialin}, read only. */
@Command(name = "legacy",
        description = "Show the deprecated domain-level pinless_dialin and pin_dialin entries (read only).")
final class DialinLegacyCommand implements Callable<Integer> {
    @Mixin
    DailyApiMixin daily;
    @Mixin
    OutputMixin output;

    private record Row(String kind, String phoneNumber, String sipUri, String roomCreationApi, String namePrefix,
                       boolean hmacSet) {
    }

    @Override
    public Integer call() {
        DomainConfig config = daily.client().domain().config();
        List<Row> rows = new ArrayList<>();
        config.pinlessDialin().forEach(e -> rows.add(new Row("pinless_dialin", e.phoneNumber(), e.sipUri(),
                e.roomCreationApi(), e.namePrefix(), e.hmac() != null)));
        config.pinDialin().forEach(e -> rows.add(new Row("pin_dialin", e.phoneNumber(), null, null, e.namePrefix(), false)));
        output.print(Table.of(Row.class)
                .column("KIND", "kind", Row::kind)
                .column("PHONE NUMBER", "phone_number", Row::phoneNumber)
                .column("SIP URI", "sip_uri", Row::sipUri)
                .column("ROOM CREATION API", "room_creation_api", Row::roomCreationApi)
                .column("NAME PREFIX", "name_prefix", Row::namePrefix)
                .column("HMAC", "hmac_set", Row::hmacSet), rows);
        return 0;
    }
}
