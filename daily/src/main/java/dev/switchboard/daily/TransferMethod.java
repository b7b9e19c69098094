package dev.switchboard.daily;

/** Daily's two ways to move a live SIP/PSTN participant elsewhere. */
public enum TransferMethod {
    /** {@code sipCallTransfer}: Daily stays anchored in the media path; both legs keep billing. */
    SIP_CALL_TRANSFER("sipCallTransfer"),
    /** {@code sipRefer}: the originating SIP system takes the call back and Daily leaves; a one-time fee may apply. */
    SIP_REFER("sipRefer");

    private final String apiName;

    TransferMethod(String apiName) {
        this.apiName = apiName;
    }

    /** The REST action name, e.g. {@code sipCallTransfer}. */
    public String apiName() {
        return apiName;
    }
}
