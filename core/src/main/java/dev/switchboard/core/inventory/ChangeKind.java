package dev.switchboard.core.inventory;

/** What a planned action does to one resource, with the sign {@code inventory plan} prints before it. */
public enum ChangeKind {
    ADD("+"), CHANGE("~"), DESTROY("-"), REPLACE("-/+");

    private final String sign;

    ChangeKind(String sign) {
        this.sign = sign;
    }

    public String sign() {
        return sign;
    }
}
