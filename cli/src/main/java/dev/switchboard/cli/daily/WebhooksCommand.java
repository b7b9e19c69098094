package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.CommandGroup;
import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.Prompter;
import dev.switchboard.core.http.Secret;
import dev.switchboard.daily.Webhook;
import dev.switchboard.daily.WebhookSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code switchboard daily webhooks}: a local verifying receiver, and the domain's subscriptions. */
@Command(name = "webhooks",
        description = "Receive and verify Daily webhooks locally, and manage the domain's webhook subscriptions.")
final class WebhooksCommand implements CommandGroup {
    @Override
    public List<Class<?>> subcommands() {
        return List.of(WebhooksListenCommand.class,
                WebhooksCommand.ListHooks.class,
                WebhooksCommand.Create.class,
                WebhooksCommand.Delete.class);
    }

    static final String HMAC_VARIABLE = "DAILY_WEBHOOK_HMAC";

    static Secret hmac(CliContext context) {
        return context.settings().requireSecret(HMAC_VARIABLE,
                "set it to a base64 secret (e.g. 'openssl rand -base64 32'); Daily signs events with it and "
                        + "'webhooks listen' verifies them");
    }

    @Command(name = "list", description = "List webhook subscriptions (no hmacs).")
    static final class ListHooks implements Callable<Integer> {
        @Mixin
        DailyApiMixin daily;
        @Mixin
        OutputMixin output;

        @Override
        public Integer call() {
            output.print(DailyTables.webhooks(), daily.client().webhooks().list());
            return 0;
        }
    }

    @Command(name = "create",
            description = "Subscribe a URL to events, signed with DAILY_WEBHOOK_HMAC. Daily first sends a "
                    + "verification request to the URL: start 'webhooks listen' before this.")
    static final class Create implements Callable<Integer> {
        @Mixin
        DailyApiMixin daily;
        @Mixin
        OutputMixin output;
        @Mixin
        ConfirmMixin confirm;
        @Option(names = "--url", required = true, paramLabel = "URL",
                description = "The public HTTPS URL Daily sends events to.")
        String url;
        @Option(names = "--events", split = ",", paramLabel = "TYPE[,TYPE]",
                description = "Event types (default: every event).")
        List<String> events = new ArrayList<>();
        @Option(names = "--retry-type", paramLabel = "TYPE", description = "circuit-breaker (Daily's default) or exponential.")
        String retryType;

        @Override
        public Integer call() {
            Webhook created = daily.client().webhooks().create(new WebhookSpec(url, events, hmac(daily.context()),
                    retryType));
            output.printOne(DailyTables.webhooks(), created);
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a webhook subscription.")
    static final class Delete implements Callable<Integer> {
        @Mixin
        DailyApiMixin daily;
        @Mixin
        ConfirmMixin confirm;
        @Parameters(paramLabel = "UUID", description = "The subscription's uuid (see 'webhooks list').") String uuid;

        @Override
        public Integer call() {
            Webhook hook = daily.client().webhooks().get(uuid);
            new Prompter(daily.context(), confirm.yes()).require("Delete the webhook to " + hook.url() + "?");
            daily.client().webhooks().delete(uuid);
            daily.context().out().println("deleted webhook " + uuid);
            return 0;
        }
    }
}
