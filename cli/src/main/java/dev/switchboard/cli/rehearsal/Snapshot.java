package dev.switchboard.cli.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.DailyApiUrl;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.http.Secret;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DailyClientOptions;
import dev.switchboard.signalwire.SignalWireClient;
import dev.switchboard.signalwire.SignalWireClientOptions;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A copy of real accounts as an emulator state document, and the fake credentials that open it. Taking one sends
 * only GET requests. The document holds hmacs (the file is owner-only); it never holds a real key or token.
 *
 * @param state       the state document ({@code daily} and {@code signalwire} sections)
 * @param credentials one fake credential per environment variable the copied accounts were reached through
 * @param signalwireProject the copied project's id (the emulated project keeps it), or null
 */
record Snapshot(ObjectNode state, List<FakeCredential> credentials, String signalwireProject) {

    /** Where a SignalWire project is: flags ({@code --space-url}, {@code --project}) win over the settings. */
    record SignalWireTarget(String spaceUrl, String projectId) {
        static final SignalWireTarget FROM_SETTINGS = new SignalWireTarget(null, null);
    }

    /**
     * Reads the accounts. Daily reads draw from the process's budget of each key capped at {@code maxRps} (0: Daily's
     * limits), the cap a command run after the snapshot uses too: the first client of a key fixes its budget, and
     * the budget then also counts the snapshot's requests.
     */
    static Snapshot take(Env env, Accounts accounts, SignalWireTarget signalwire, Instant now, int maxRps) {
        if (accounts.none()) {
            throw CliException.credentials("no account to snapshot: set DAILY_API_KEY, DAILY_SOURCE_API_KEY and "
                    + "DAILY_TARGET_API_KEY, or SIGNALWIRE_SPACE_URL, SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN");
        }
        Map<String, ObjectNode> domains = new LinkedHashMap<>();
        List<FakeCredential> credentials = new ArrayList<>();
        if (accounts.daily()) {
            addDomain(env, Accounts.DAILY_KEY, maxRps, domains, credentials);
        }
        if (accounts.transfer()) {
            addDomain(env, Accounts.SOURCE_KEY, maxRps, domains, credentials);
            addDomain(env, Accounts.TARGET_KEY, maxRps, domains, credentials);
        }
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        if (!domains.isEmpty()) {
            ArrayNode list = state.putObject("daily").putArray("domains");
            domains.values().forEach(list::add);
        }
        String project = null;
        if (accounts.signalwire()) {
            SignalWireClient client = signalWireClient(env, signalwire);
            project = client.projectId();
            String token = FakeCredential.newValue();
            state.putObject("signalwire").putArray("projects").add(SignalWireSnapshot.project(client, token, now));
            credentials.add(new FakeCredential(Accounts.SIGNALWIRE_TOKEN, token, "SignalWire " + project,
                    project + ":" + token));
        }
        return new Snapshot(state, List.copyOf(credentials), project);
    }

    /**
     * Reads the domain of {@code variable}'s key. Two variables naming one domain (the transfer's source key is also
     * {@code DAILY_API_KEY}) give one domain with two fake keys.
     */
    private static void addDomain(Env env, String variable, int maxRps, Map<String, ObjectNode> domains,
                                  List<FakeCredential> credentials) {
        Secret key = env.requireSecret(variable, "the Daily API key to snapshot");
        DailyClient client = new DailyClient(DailyApiUrl.from(env), key,
                DailyClientOptions.defaults().withMaxRequestsPerSecond(maxRps));
        String fake = FakeCredential.newValue();
        ObjectNode domain = DailySnapshot.domain(client, fake);
        String name = domain.get("domain_name").asText();
        ObjectNode known = domains.get(name);
        if (known == null) {
            domains.put(name, domain);
        } else {
            ((ArrayNode) known.get("api_keys")).add(fake);
        }
        credentials.add(new FakeCredential(variable, fake, "Daily " + name, fake));
    }

    private static SignalWireClient signalWireClient(Env env, SignalWireTarget target) {
        String space = target.spaceUrl() != null ? target.spaceUrl()
                : env.require(Accounts.SIGNALWIRE_SPACE, "the space URL, e.g. https://example.signalwire.com");
        String project = target.projectId() != null ? target.projectId()
                : env.require(Accounts.SIGNALWIRE_PROJECT, "the project id");
        Secret token = env.requireSecret(Accounts.SIGNALWIRE_TOKEN, "an API token of the project");
        URI uri;
        try {
            uri = SignalWireClient.spaceUri(space);
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput("SignalWire space URL " + space + ": " + e.getMessage());
        }
        return new SignalWireClient(uri, project, token, SignalWireClientOptions.defaults()
                .withPageSize(SignalWireClientOptions.MAX_PAGE_SIZE));
    }

    /**
     * The environment a command needs to work on the emulated copy served at {@code dailyApi} and
     * {@code signalwireSpace}: the fake credentials, the URLs and the project id.
     */
    Map<String, String> environment(URI dailyApi, URI signalwireSpace) {
        Map<String, String> env = new LinkedHashMap<>();
        if (state.has("daily")) {
            env.put(DailyApiUrl.VARIABLE, dailyApi.toString());
        }
        if (signalwireProject != null) {
            env.put(Accounts.SIGNALWIRE_SPACE, signalwireSpace.toString());
            env.put(Accounts.SIGNALWIRE_PROJECT, signalwireProject);
        }
        credentials.forEach(c -> env.put(c.variable(), c.value()));
        return env;
    }

    /** One line per copied account: what it holds. */
    List<String> summary() {
        List<String> lines = new ArrayList<>();
        state.path("daily").path("domains").forEach(d -> lines.add("Daily domain " + d.path("domain_name").asText()
                + ": " + count(d, "phone_numbers", "number") + ", " + count(d, "dialin_configs", "dial-in config")
                + ", " + legacyCount(d) + ", " + count(d, "verified_caller_ids", "verified caller id") + ", "
                + count(d, "webhooks", "webhook") + ", " + count(d, "participants", "participant") + " present"));
        state.path("signalwire").path("projects").forEach(p -> lines.add("SignalWire project "
                + p.path("project_id").asText() + ": " + count(p, "phone_numbers", "number") + ", "
                + count(p, "number_groups", "group") + ", " + dev.switchboard.cli.support.Plural.of(p.path("addresses").size(), "address", "addresses") + ", "
                + count(p, "verified_caller_ids", "caller id")));
        return lines;
    }

    private static String count(JsonNode node, String list, String noun) {
        return dev.switchboard.cli.support.Plural.of(node.path(list).size(), noun);
    }

    private static String legacyCount(JsonNode domain) {
        int entries = domain.path("config").path("pinless_dialin").size() + domain.path("config").path("pin_dialin").size();
        return dev.switchboard.cli.support.Plural.of(entries, "legacy array entry", "legacy array entries");
    }
}
