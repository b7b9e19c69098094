package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.Table;
import dev.switchboard.daily.DialinConfig;
import dev.switchboard.daily.PurchasedNumber;
import dev.switchboard.daily.Webhook;

/** The documented output schemas (docs/output.md) shared by several daily commands. */
final class DailyTables {
    private DailyTables() {
    }

    static Table<PurchasedNumber> numbers() {
        return Table.of(PurchasedNumber.class)
                .column("ID", "id", PurchasedNumber::id)
                .column("NUMBER", "number", PurchasedNumber::number)
                .column("NAME", "name", PurchasedNumber::name)
                .column("TYPE", "type", PurchasedNumber::type)
                .column("STATUS", "status", PurchasedNumber::status)
                .column("COUNTRY", "country", PurchasedNumber::country)
                .column("PROVIDER", "provider", PurchasedNumber::provider)
                .column("CREATED", "created_date", PurchasedNumber::createdDate)
                .column("DELETED", "deleted", n -> n.isDeleted());
    }

    /** Dial-in configs; the hmac itself is never shown, only whether one is set. */
    static Table<DialinConfig> dialinConfigs() {
        return Table.of(DialinConfig.class)
                .column("ID", "id", DialinConfig::id)
                .column("TYPE", "type", c -> c.type().wireName())
                .column("PHONE NUMBER", "phone_number", DialinConfig::phoneNumber)
                .column("SIP URI", "sip_uri", DialinConfig::sipUri)
                .column("NAME PREFIX", "name_prefix", DialinConfig::namePrefix)
                .column("ROOM CREATION API", "room_creation_api", DialinConfig::roomCreationApi)
                .column("HMAC", "hmac_set", c -> c.hmac() != null)
                .column("CREATED", "created_at", DialinConfig::createdAt);
    }

    static Table<Webhook> webhooks() {
        return Table.of(Webhook.class)
                .column("UUID", "uuid", Webhook::uuid)
                .column("URL", "url", Webhook::url)
                .column("STATE", "state", Webhook::state)
                .column("EVENTS", "event_types", Webhook::eventTypes)
                .column("RETRY", "retry_type", Webhook::retryType)
                .column("FAILED", "failed_count", Webhook::failedCount)
                .column("HMAC", "hmac_set", w -> w.hmac() != null);
    }
}
