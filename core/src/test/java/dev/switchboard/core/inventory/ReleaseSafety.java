package dev.switchboard.core.inventory;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property both providers' release-safety tests check: a plan releases exactly the live numbers the file
 * marks {@code release: true} when the run allows releases (none otherwise), buys exactly the numbers the file
 * lists that are not live and not marked, and no other action releases a number.
 */
public final class ReleaseSafety {
    private ReleaseSafety() {
    }

    /**
     * @param file          the file's numbers, each with whether it is marked {@code release: true}
     * @param released      the number an action releases, if it is a release
     * @param bought        the number an action buys, if it is a buy
     */
    public static <A extends InventoryAction<?>> void check(String why, Set<String> live, Map<String, Boolean> file,
                                                            boolean allowRelease, List<A> actions,
                                                            Function<A, Optional<String>> released,
                                                            Function<A, Optional<String>> bought) {
        Set<String> marked = new HashSet<>();
        Set<String> toBuy = new HashSet<>();
        file.forEach((number, release) -> {
            if (release && live.contains(number)) {
                marked.add(number);
            } else if (!release && !live.contains(number)) {
                toBuy.add(number);
            }
        });
        Set<String> releases = new HashSet<>();
        Set<String> buys = new HashSet<>();
        for (A action : actions) {
            released.apply(action).ifPresent(releases::add);
            bought.apply(action).ifPresent(buys::add);
            assertThat(action.releasesNumber()).as(why + ": " + action.address()).isEqualTo(released.apply(action).isPresent());
        }
        assertThat(releases).as(why + ": released").isEqualTo(allowRelease ? marked : Set.of());
        assertThat(buys).as(why + ": bought").isEqualTo(toBuy);
    }
}
