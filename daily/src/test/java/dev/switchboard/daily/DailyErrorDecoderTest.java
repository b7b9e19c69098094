package dev.switchboard.daily;

import dev.switchboard.core.http.ErrorDecoder.DecodedError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DailyErrorDecoderTest {
    private final DailyErrorDecoder decoder = new DailyErrorDecoder();

    @Test
    void usualShape() {
        assertThat(decoder.decode(400, "{\"error\":\"validation-error\",\"info\":\"invalid path parameter\"}"))
                .isEqualTo(new DecodedError("validation-error", "invalid path parameter"));
        assertThat(decoder.decode(429, "{\"error\":\"rate-limit-error\"}")).isEqualTo(new DecodedError("rate-limit-error", null));
    }

    @Test
    void carrierShapeJoinsEveryDetail() {
        String body = "{\"errors\":[{\"detail\":\"Number is invalid.\",\"title\":\"Invalid Attribute\"},"
                + "{\"detail\":\"Second.\"}],\"status\":422}";
        assertThat(decoder.decode(422, body)).isEqualTo(new DecodedError(null, "Invalid Attribute: Number is invalid.; Second."));
    }

    @Test
    void sentenceInErrorIsTextNotAType() {
        assertThat(decoder.decode(422, "{\"error\":\"Failed to release new number, try again in 14 days\"}"))
                .isEqualTo(new DecodedError(null, "Failed to release new number, try again in 14 days"));
    }

    @Test
    void nonJsonBodiesKeepTheirFirstLine() {
        assertThat(decoder.decode(502, "<html>Bad Gateway</html>\n<body/>")).isEqualTo(new DecodedError(null, "<html>Bad Gateway</html>"));
        assertThat(decoder.decode(503, "")).isEqualTo(DecodedError.EMPTY);
        assertThat(decoder.decode(500, "[1,2]")).isEqualTo(new DecodedError(null, "[1,2]"));
    }
}
