package dev.switchboard.daily.migration;

import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DialinConfig;
import dev.switchboard.daily.DialinConfigFilter;
import dev.switchboard.daily.Domain;
import dev.switchboard.daily.LegacyPinEntry;
import dev.switchboard.daily.LegacyPinlessEntry;
import dev.switchboard.daily.PurchasedNumber;
import dev.switchboard.daily.PurchasedNumberFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything migration-relevant on one domain at one moment: the domain (with its legacy arrays), its
 * purchased numbers (released ones dropped), its verified caller IDs (listed without id) and every
 * dial-in config, modern first, then legacy pinless, then legacy pin. Reading one costs three listings
 * (all pages). Immutable.
 */
public record DomainInventory(Domain domain, List<PurchasedNumber> numbers, List<PurchasedNumber> callerIds,
                              List<ObservedConfig> configs) {
    public DomainInventory {
        Objects.requireNonNull(domain, "domain");
        numbers = List.copyOf(numbers);
        callerIds = List.copyOf(callerIds);
        configs = List.copyOf(configs);
    }

    /** Reads the domain behind {@code client}. */
    public static DomainInventory read(DailyClient client) {
        Domain domain = client.domain();
        List<PurchasedNumber> numbers = new ArrayList<>();
        List<PurchasedNumber> callerIds = new ArrayList<>();
        for (PurchasedNumber number : client.purchasedNumbers(PurchasedNumberFilter.all())) {
            if (number.isDeleted() || number.number() == null) {
                continue;
            }
            (number.hasId() ? numbers : callerIds).add(number);
        }
        List<DialinConfig> modern = client.dialinConfigs(DialinConfigFilter.all());
        return of(domain, numbers, callerIds, modern);
    }

    /** An inventory from already-read parts. */
    public static DomainInventory of(Domain domain, List<PurchasedNumber> numbers, List<PurchasedNumber> callerIds,
                                     List<DialinConfig> modern) {
        List<ObservedConfig> configs = new ArrayList<>();
        modern.forEach(config -> configs.add(new ObservedConfig(SourceKind.DOMAIN_DIALIN_CONFIG, config.id(),
                PlannedConfig.of(config))));
        for (LegacyPinlessEntry entry : domain.config().pinlessDialin()) {
            configs.add(new ObservedConfig(SourceKind.ROOT_PINLESS, null, PlannedConfig.of(entry)));
        }
        for (LegacyPinEntry entry : domain.config().pinDialin()) {
            configs.add(new ObservedConfig(SourceKind.ROOT_PIN, null, PlannedConfig.of(entry)));
        }
        return new DomainInventory(domain, numbers, callerIds, configs);
    }

    public Optional<PurchasedNumber> number(String e164) {
        return numbers.stream().filter(n -> n.number().equals(e164)).findFirst();
    }

    public boolean owns(String e164) {
        return number(e164).isPresent();
    }

    /** Every config (modern and legacy) for the number. */
    public List<ObservedConfig> configsFor(String e164) {
        return configs.stream().filter(c -> e164.equals(c.phoneNumber())).toList();
    }

    public Optional<ObservedConfig> modernConfig(String configId) {
        return configs.stream().filter(c -> configId.equals(c.configId())).findFirst();
    }

    /** Configs without a phone number (SIP interconnects). */
    public List<ObservedConfig> sipOnlyConfigs() {
        return configs.stream().filter(c -> c.phoneNumber() == null).toList();
    }

    /** The SIP-only configs carrying the same hmac as {@code config} (how a moved SIP-only config is recognised). */
    public List<ObservedConfig> sipOnlyMatching(PlannedConfig config) {
        return sipOnlyConfigs().stream()
                .filter(c -> c.config().type() == config.type() && config.sameHmac(c.config().hmac()))
                .toList();
    }

    /** The config that routes the number: the modern one when there is one, else the legacy entry. */
    public Optional<ObservedConfig> effectiveConfig(String e164) {
        List<ObservedConfig> all = configsFor(e164);
        return all.stream().filter(c -> c.kind() == SourceKind.DOMAIN_DIALIN_CONFIG).findFirst()
                .or(() -> all.stream().filter(c -> c.kind() == SourceKind.ROOT_PINLESS).findFirst())
                .or(() -> all.stream().findFirst());
    }

    public DomainRef ref() {
        return DomainRef.of(domain);
    }
}
