package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.Table;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.Domain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code switchboard daily whoami}: which domain the key belongs to (a cheap key check). */
@Command(name = "whoami",
        description = "Show the Daily domain DAILY_API_KEY belongs to, and the key's fingerprint (never the key).")
final class WhoamiCommand implements Callable<Integer> {
    @Mixin
    DailyApiMixin daily;
    @Mixin
    OutputMixin output;

    private record Row(String domainName, String domainId, String keyFingerprint, String apiUrl) {
    }

    @Override
    public Integer call() {
        DailyClient client = daily.client();
        Domain domain = client.domain();
        String fingerprint = daily.context().settings().secret(DailyApiMixin.KEY_VARIABLE).orElseThrow().fingerprint();
        output.printOne(Table.of(Row.class)
                .column("DOMAIN", "domain_name", Row::domainName)
                .column("DOMAIN ID", "domain_id", Row::domainId)
                .column("KEY", "key_fingerprint", Row::keyFingerprint)
                .column("API", "api_url", Row::apiUrl), new Row(domain.name(), domain.id(), fingerprint, client.http().baseUri().toString()));
        return 0;
    }
}
