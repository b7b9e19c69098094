package dev.switchboard.cli.signalwire;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.DebugMixin;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.config.MissingSettingException;
import dev.switchboard.core.http.Secret;
import dev.switchboard.signalwire.SignalWireClient;
import dev.switchboard.signalwire.SignalWireClientOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;

/**
 * Where and as whom SignalWire commands connect: {@code SIGNALWIRE_SPACE_URL}, {@code SIGNALWIRE_PROJECT_ID}
 * and {@code SIGNALWIRE_API_TOKEN} from the environment or {@code ./.env} (the environment wins); the space
 * and project may also be given as flags. The token is never a flag, so it stays out of shell history.
 */
public final class SignalWireConnection {
    public static final String SPACE_URL = "SIGNALWIRE_SPACE_URL";
    public static final String PROJECT_ID = "SIGNALWIRE_PROJECT_ID";
    public static final String API_TOKEN = "SIGNALWIRE_API_TOKEN";

    private final CliContext context;

    @Option(names = "--space-url", paramLabel = "URL",
            description = "SignalWire space, e.g. https://example.signalwire.com (default: $" + SPACE_URL + ").")
    String spaceUrl;

    @Option(names = "--project", paramLabel = "ID", description = "Project id (default: $" + PROJECT_ID + ").")
    String projectId;

    @Mixin
    DebugMixin debug;

    public SignalWireConnection(CliContext context) {
        this.context = context;
    }

    /** A client for the configured space and project, reading lists in pages of the default size. */
    SignalWireClient client() {
        return client(PageSizeMixin.DEFAULT);
    }

    /** A client for the configured space and project, reading lists {@code pageSize} items at a time. */
    SignalWireClient client(int pageSize) {
        return client(context, spaceUrl, projectId, pageSize, debug);
    }

    /**
     * A client for the space and project given (null: from the settings), for commands that connect to
     * SignalWire beside other providers.
     */
    public static SignalWireClient client(CliContext context, String spaceUrl, String projectId, int pageSize,
                                          DebugMixin debug) {
        Env env = context.settings();
        try {
            String space = spaceUrl != null ? spaceUrl : env.require(SPACE_URL,
                    "your space URL, e.g. https://example.signalwire.com (Dashboard, top right)");
            String project = projectId != null ? projectId : env.require(PROJECT_ID,
                    "the project id (Dashboard > API > Project ID)");
            Secret token = env.requireSecret(API_TOKEN, "an API token with the Numbers and Voice scopes (Dashboard > API)");
            if (pageSize < 1 || pageSize > SignalWireClientOptions.MAX_PAGE_SIZE) {
                throw CliException.invalidInput("--page-size must be 1 to " + SignalWireClientOptions.MAX_PAGE_SIZE);
            }
            SignalWireClientOptions options = SignalWireClientOptions.defaults().withRateBudgets(context.rateBudgets())
                    .withPageSize(pageSize);
            if (debug.on()) {
                options = options.withDebugSink(debug.sink());
            }
            URI uri;
            try {
                uri = SignalWireClient.spaceUri(space);
                return new SignalWireClient(uri, project, token, options);
            } catch (IllegalArgumentException e) {
                throw CliException.invalidInput("SignalWire space URL " + space + ": " + e.getMessage());
            }
        } catch (MissingSettingException missing) {
            throw CliException.credentials(missing.getMessage());
        }
    }
}
