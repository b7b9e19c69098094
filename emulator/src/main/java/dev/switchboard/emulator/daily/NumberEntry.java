package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** An item of {@code /purchased-phone-numbers}: a purchased number or a verified caller ID. */
sealed interface NumberEntry permits PhoneNumber, VerifiedCallerId {
    long paginationId();

    String number();

    String name();

    Instant createdDate();

    /** The list item as the API shows it. */
    ObjectNode toJson();
}
