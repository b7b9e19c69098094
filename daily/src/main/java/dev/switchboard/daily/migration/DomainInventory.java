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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything migration-relevant on one domain at one moment: the domain (with its legacy arrays), its
 * purchased numbers (released ones dropped), its verified caller IDs (listed without id) and every
 * dial-in config, modern first, then legacy pinless, then legacy pin. Reading one costs three listings
 * (all pages). Lookups by number and config id are indexed, so planning 10,000 numbers stays linear.
 * Immutable.
 */
public final class DomainInventory {
    private final Domain domain;
    private final List<PurchasedNumber> numbers;
    private final List<PurchasedNumber> callerIds;
    private final List<ObservedConfig> configs;
    private final Map<String, PurchasedNumber> numberIndex = new HashMap<>();
    private final Map<String, List<ObservedConfig>> configsByNumber = new HashMap<>();
    private final Map<String, ObservedConfig> modernById = new HashMap<>();
    private final List<ObservedConfig> sipOnly;

    public DomainInventory(Domain domain, List<PurchasedNumber> numbers, List<PurchasedNumber> callerIds,
                           List<ObservedConfig> configs) {
        this.domain = Objects.requireNonNull(domain, "domain");
        this.numbers = List.copyOf(numbers);
        this.callerIds = List.copyOf(callerIds);
        this.configs = List.copyOf(configs);
        this.numbers.forEach(number -> numberIndex.putIfAbsent(number.number(), number));
        List<ObservedConfig> withoutNumber = new ArrayList<>();
        for (ObservedConfig config : this.configs) {
            if (config.phoneNumber() == null) {
                withoutNumber.add(config);
            } else {
                configsByNumber.computeIfAbsent(config.phoneNumber(), n -> new ArrayList<>()).add(config);
            }
            if (config.configId() != null) {
                modernById.putIfAbsent(config.configId(), config);
            }
        }
        this.sipOnly = List.copyOf(withoutNumber);
    }

    public Domain domain() {
        return domain;
    }

    public List<PurchasedNumber> numbers() {
        return numbers;
    }

    public List<PurchasedNumber> callerIds() {
        return callerIds;
    }

    public List<ObservedConfig> configs() {
        return configs;
    }

    /** Reads the domain behind {@code client} (its {@code GET /}, numbers and configs, one after the other). */
    public static DomainInventory read(DailyClient client) {
        Domain domain = client.domain();
        return of(domain, client.purchasedNumbers(PurchasedNumberFilter.all()),
                client.dialinConfigs(DialinConfigFilter.all()));
    }

    /**
     * An inventory from a domain, its purchased-numbers listing as Daily sends it (released entries are
     * dropped; entries without id are verified caller IDs) and its modern configs.
     */
    static DomainInventory of(Domain domain, List<PurchasedNumber> listed, List<DialinConfig> modern) {
        List<PurchasedNumber> numbers = new ArrayList<>();
        List<PurchasedNumber> callerIds = new ArrayList<>();
        for (PurchasedNumber number : listed) {
            if (number.isDeleted() || number.number() == null) {
                continue;
            }
            (number.hasId() ? numbers : callerIds).add(number);
        }
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
        return Optional.ofNullable(numberIndex.get(e164));
    }

    public boolean owns(String e164) {
        return numberIndex.containsKey(e164);
    }

    /** Every config (modern and legacy) for the number. */
    public List<ObservedConfig> configsFor(String e164) {
        return List.copyOf(configsByNumber.getOrDefault(e164, List.of()));
    }

    public Optional<ObservedConfig> modernConfig(String configId) {
        return Optional.ofNullable(modernById.get(configId));
    }

    /** Configs without a phone number (SIP interconnects). */
    public List<ObservedConfig> sipOnlyConfigs() {
        return sipOnly;
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
