package dev.switchboard.emulator.signalwire;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * A stored resource that is answered as its tree: an address, a number group, a membership, a verified
 * caller id, a LaML call or message. {@code at} orders LaML lists (start time or send date).
 */
final class SwRecord implements Paged {
    private final String id;
    private final long seq;
    private final ObjectNode resource;
    private final Instant at;

    SwRecord(String id, long seq, ObjectNode resource, Instant at) {
        this.id = id;
        this.seq = seq;
        this.resource = resource;
        this.at = at;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public long seq() {
        return seq;
    }

    ObjectNode resource() {
        return resource;
    }

    Instant at() {
        return at;
    }

    String text(String field) {
        return resource.path(field).isNull() || resource.path(field).isMissingNode() ? null : resource.path(field).asText();
    }
}
