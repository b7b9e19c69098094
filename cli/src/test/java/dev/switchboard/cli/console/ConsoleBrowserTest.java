package dev.switchboard.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.http.RateBudgetRegistry;
import dev.switchboard.core.http.RateLimits;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.http.Sleeper;
import dev.switchboard.core.http.Ticker;
import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DailyClientOptions;
import dev.switchboard.daily.migration.EntryStatus;
import dev.switchboard.daily.migration.FailurePolicy;
import dev.switchboard.daily.migration.MigrationClients;
import dev.switchboard.daily.migration.MigrationEngine;
import dev.switchboard.daily.migration.MigrationOptions;
import dev.switchboard.daily.migration.Planner;
import dev.switchboard.daily.migration.RunReport;
import dev.switchboard.daily.migration.StepListener;
import dev.switchboard.daily.migration.TransferPlan;
import dev.switchboard.emulator.Emulator;
import dev.switchboard.emulator.server.RateLimits.Window;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real browser (headless Chromium): a migration run by the migration engine shows numbers
 * leaving the source for the target; a fault rule added through the page shows its effect in the live request
 * log. Screenshots land in {@code target/console-screenshots/}.
 */
class ConsoleBrowserTest {
    private static final Instant NOW = Instant.parse("2026-01-10T09:00:00Z");
    private static final List<String> NUMBERS = List.of("+14155550101", "+14155550102", "+14155550103");
    private static final String HMAC = "c291cmNlLWNvbmZpZy1obWFj";
    private static final String LEGACY_HMAC = "bGVnYWN5LWNvbmZpZy1obWFj";
    private static final String STATE = """
            {"clock": "2026-01-10T09:00:00Z", "daily": {"domains": [
              {"domain_name": "source", "api_keys": ["source-key"],
               "config": {"pinless_dialin": [{"phone_number": "+14155550103", "room_creation_api": "https://hooks.example.com/legacy",
                                              "hmac": "%s"}]},
               "phone_numbers": [{"number": "+14155550101", "name": "Sales"}, {"number": "+14155550102", "name": "Support"},
                                 {"number": "+14155550103", "name": "Legacy line"}],
               "verified_caller_ids": [{"number": "+12125550199", "name": "Head Office"}],
               "dialin_configs": [{"type": "pinless_dialin", "config": {"phone_number": "+14155550101", "name_prefix": "sales",
                                   "room_creation_api": "https://hooks.example.com/sales", "hmac": "%s"}},
                                  {"type": "pin_dialin", "config": {"phone_number": "+14155550102", "name_prefix": "pin"}}]},
              {"domain_name": "target", "api_keys": ["target-key"]}]},
             "signalwire": {"projects": [{"project_id": "demo-project", "api_tokens": ["demo-token"],
               "phone_numbers": [{"number": "+15035550101", "name": "Portland main", "call_request_url": "https://example.com/voice"}]}]}}
            """.formatted(LEGACY_HMAC, HMAC);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static HeadlessChromium chromium;

    @TempDir
    Path dir;
    private Emulator emulator;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void startEmulator() throws IOException {
        emulator = Emulator.builder().seed(13).clock(NOW).disableRateLimits().stateJson(STATE).start();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void aMigrationShowsNumbersMovingFromSourceToTarget() throws Exception {
        openConsole();
        for (String number : NUMBERS) {
            await(numberIn("source", number));
        }
        assertThat(text(By.cssSelector("[data-domain='source'] tr[data-number='+14155550101']"))).contains("pinless");
        assertThat(text(By.cssSelector("[data-domain='source'] tr[data-number='+14155550103']"))).contains("legacy pinless");
        chromium.screenshot("console-before-migration");

        AtomicReference<String> firstMoved = new AtomicReference<>();
        CountDownLatch seenInBrowser = new CountDownLatch(1);
        // The first number's transfer is done: hold the run there until the browser has shown the move.
        StepListener holdAfterFirstTransfer = (entry, step, boundary) -> {
            if (step.equals("transfer") && boundary == StepListener.Boundary.AFTER_DONE
                    && firstMoved.compareAndSet(null, entry)) {
                awaitQuietly(seenInBrowser);
            }
        };
        CompletableFuture<RunReport> run = CompletableFuture.supplyAsync(() -> migrate(holdAfterFirstTransfer));
        try {
            await(d -> firstMoved.get() != null);
            String moved = firstMoved.get();
            await(numberIn("target", moved));
            await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                    "#moves li.move[data-number='" + moved + "'][data-from='Daily source'][data-to='Daily target']")));
            List<String> waiting = NUMBERS.stream().filter(n -> !n.equals(moved)).toList();
            for (String number : waiting) {
                assertThat(present(numberSelector("source", number))).as(number + " still in the source").isTrue();
            }
            assertThat(present(numberSelector("source", moved))).isFalse();
            chromium.screenshot("console-during-migration");
        } finally {
            seenInBrowser.countDown();
        }

        RunReport report = run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(report.results()).allSatisfy(r -> assertThat(r.status()).as(r.key()).isEqualTo(EntryStatus.MIGRATED));
        for (String number : NUMBERS) {
            await(numberIn("target", number));
        }
        await(d -> d.findElements(By.cssSelector("[data-domain='source'] tr[data-number]")).isEmpty());
        assertThat(chromium.driver.findElements(By.cssSelector("#moves li.move[data-to='Daily target']"))).hasSize(3);
        assertThat(text(By.cssSelector("[data-domain='target'] tr[data-number='+14155550101']"))).contains("pinless");
        assertThat(text(By.id("request-rows"))).contains("/v1/transfer-phone-number/");
        chromium.screenshot("console-after-migration");

        String page = chromium.driver.getPageSource();
        assertThat(page).doesNotContain("source-key", "target-key", "demo-token", HMAC, LEGACY_HMAC).contains("••••••");
    }

    @Test
    void aFaultRuleAddedThroughThePageShowsInTheRequestLogAndCanBeRemoved() throws Exception {
        openConsole();
        await(numberIn("source", "+14155550101"));
        WebElement form = chromium.driver.findElement(By.id("fault-form"));
        new Select(form.findElement(By.name("method"))).selectByVisibleText("GET");
        WebElement path = form.findElement(By.name("path"));
        path.clear();
        path.sendKeys("/v1/purchased-phone-numbers");
        new Select(form.findElement(By.name("kind"))).selectByVisibleText("5xx");
        replace(form.findElement(By.name("amount")), "2");
        replace(form.findElement(By.name("status")), "503");
        Select key = new Select(form.findElement(By.name("key_fingerprint")));
        key.getOptions().stream().filter(o -> o.getText().startsWith("Daily source")).findFirst().orElseThrow().click();
        form.findElement(By.id("add-fault")).click();

        await(ExpectedConditions.textToBePresentInElementLocated(By.id("fault-rows"), "GET /v1/purchased-phone-numbers"));
        assertThat(text(By.id("fault-rows"))).contains("5xx 503", "next 2", "Daily source");
        assertThat(emulator.admin().faults()).singleElement()
                .satisfies(rule -> assertThat(rule.apiKey()).isEqualTo("source-key"));
        chromium.screenshot("console-fault-rule-added");

        assertThat(list("target-key")).isEqualTo(200);
        assertThat(List.of(list("source-key"), list("source-key"), list("source-key"))).containsExactly(503, 503, 200);

        await(d -> d.findElements(By.cssSelector("#request-rows tr[data-fault='5xx']")).size() == 2);
        for (WebElement row : chromium.driver.findElements(By.cssSelector("#request-rows tr[data-fault='5xx']"))) {
            assertThat(row.getText()).contains("GET", "/v1/purchased-phone-numbers", "Daily source", "503", "5xx");
        }
        await(ExpectedConditions.textToBePresentInElementLocated(By.id("fault-rows"), "no rules"));
        chromium.screenshot("console-fault-effect");

        new Select(form.findElement(By.name("mode"))).selectByValue("probability");
        replace(form.findElement(By.name("amount")), "1");
        new Select(form.findElement(By.name("kind"))).selectByVisibleText("latency");
        form.findElement(By.id("add-fault")).click();
        await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#fault-rows button[data-remove]")));
        assertThat(emulator.admin().faults()).hasSize(1);
        chromium.driver.findElement(By.cssSelector("#fault-rows button[data-remove]")).click();
        await(ExpectedConditions.textToBePresentInElementLocated(By.id("fault-rows"), "no rules"));
        assertThat(emulator.admin().faults()).isEmpty();

        replace(form.findElement(By.name("amount")), "7");
        form.findElement(By.id("add-fault")).click();
        await(ExpectedConditions.textToBePresentInElementLocated(By.id("fault-error"), "probability must be in (0, 1]"));
        assertThat(emulator.admin().faults()).isEmpty();
    }

    @Test
    void theLandingPageLeadsToTheConsoleWhichShowsProjectsRateLimitsAndTheClock() throws Exception {
        // long windows, so the use is still counted when a slow machine has loaded the page
        emulator.admin().setRateLimits(new dev.switchboard.emulator.server.RateLimits(true, false, java.util.Map.of(
                "default", List.of(new Window(20, Duration.ofMinutes(10)), new Window(100, Duration.ofHours(1))))));
        for (int i = 0; i < 4; i++) {
            list("source-key");
        }
        chromium.driver.get(emulator.baseUri() + "/__admin/");
        assertThat(chromium.driver.getTitle()).isEqualTo("Switchboard emulator");
        chromium.driver.findElement(By.id("console-link")).click();
        await(ExpectedConditions.textToBe(By.id("stream-status"), "live"));

        await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-project='demo-project'] tr[data-number='+15035550101']")));
        assertThat(text(By.cssSelector("[data-project='demo-project'] tr[data-number='+15035550101']")))
                .contains("Portland main", "laml_webhooks", "https://example.com/voice");
        await(ExpectedConditions.textToBePresentInElementLocated(By.id("rate-usage"), "4 of 20 per 10 min"));
        assertThat(text(By.id("rate-usage"))).contains("Daily source", "4 of 100 per 1 h");
        assertThat(text(By.id("clock-now"))).isEqualTo("2026-01-10 09:00:00 UTC");
        assertThat(text(By.id("version"))).startsWith("v");

        chromium.driver.findElement(By.cssSelector("button[data-advance='86400']")).click();
        await(ExpectedConditions.textToBe(By.id("clock-now"), "2026-01-11 09:00:00 UTC"));
        assertThat(emulator.admin().now()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#request-rows tr[data-seq='1']"),
                "Daily source"));
        chromium.screenshot("console-overview");
    }

    private void openConsole() {
        chromium.driver.get(emulator.baseUri() + "/__admin/ui/");
        await(ExpectedConditions.textToBe(By.id("stream-status"), "live"));
    }

    private RunReport migrate(StepListener listener) {
        RateBudgetRegistry budgets = new RateBudgetRegistry(Ticker.system(), Sleeper.system());
        Secret sourceKey = Secret.of("source-key");
        Secret targetKey = Secret.of("target-key");
        budgets.budgetFor("daily", sourceKey.fingerprint(), RateLimits.unlimited());
        budgets.budgetFor("daily", targetKey.fingerprint(), RateLimits.unlimited());
        DailyClientOptions options = DailyClientOptions.defaults().withRateBudgets(budgets);
        DailyClient source = new DailyClient(emulator.dailyBaseUri(), sourceKey, options);
        DailyClient target = new DailyClient(emulator.dailyBaseUri(), targetKey, options);
        TransferPlan plan = new Planner(source, target).discover().plan(NUMBERS, false, null, NOW);
        MigrationOptions migration = MigrationOptions.defaults().withOutcomeFilesIn(dir).withConcurrency(1)
                .withEntryPause(Duration.ZERO).withStepListener(listener);
        try (MigrationEngine engine = MigrationEngine.open(plan, dir.resolve("transfer_plan.journal"),
                new MigrationClients(source, sourceKey, target, targetKey), migration)) {
            engine.requireFresh();
            return engine.apply(FailurePolicy.always(FailurePolicy.Decision.LEAVE), ProgressListener.none());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int list(String key) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.dailyBaseUri() + "/purchased-phone-numbers"))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String numberSelector(String domain, String number) {
        return "[data-domain='" + domain + "'] tr[data-number='" + number + "']";
    }

    private static org.openqa.selenium.support.ui.ExpectedCondition<WebElement> numberIn(String domain, String number) {
        return ExpectedConditions.presenceOfElementLocated(By.cssSelector(numberSelector(domain, number)));
    }

    private static boolean present(String css) {
        return !chromium.driver.findElements(By.cssSelector(css)).isEmpty();
    }

    private static String text(By by) {
        return chromium.driver.findElement(by).getText();
    }

    private static void replace(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    private static <T> T await(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(chromium.driver, WAIT, Duration.ofMillis(50)).until(condition);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
