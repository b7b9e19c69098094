package dev.switchboard.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 2, on the wire: a request that asks for {@code Connection: close} gets an answer that says so,
 * and then the server closes; without it the connection stays open for the next request.
 */
class ConnectionCloseWireTest extends DailyTestBase {

    @Test
    void closeIsAnnouncedInTheAnswerAndTheSocketThenReachesEof() throws IOException {
        try (Socket socket = socket()) {
            write(socket, "GET /v1/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + SOURCE_KEY
                    + "\r\nConnection: close\r\n\r\n");
            String everything = readToEof(socket.getInputStream());
            String head = everything.substring(0, everything.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
            assertThat(head).startsWith("http/1.1 200");
            assertThat(head).contains("\r\nconnection: close");
            assertThat(everything).contains("\"domain_name\":\"source\"");
            assertThat(everything.indexOf("HTTP/1.1", 1)).as("only one answer").isEqualTo(-1);
        }
    }

    @Test
    void closeIsAnnouncedOnErrorsAndAdminAnswersToo() throws IOException {
        for (String request : new String[] {
                "GET /v1/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer nobody\r\nConnection: close\r\n\r\n",
                "GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n",
                "GET /v1/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + SOURCE_KEY + "\r\nConnection: TE, close\r\n\r\n",
                "GET /__admin/clock HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"}) {
            try (Socket socket = socket()) {
                write(socket, request);
                String everything = readToEof(socket.getInputStream());
                assertThat(everything.toLowerCase(Locale.ROOT)).as(request).contains("\r\nconnection: close\r\n");
            }
        }
    }

    @Test
    void withoutCloseTwoRequestsShareOneSocket() throws IOException {
        try (Socket socket = socket()) {
            String request = "GET /v1/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + SOURCE_KEY + "\r\n\r\n";
            write(socket, request);
            String first = readOneAnswer(socket.getInputStream());
            assertThat(first.toLowerCase(Locale.ROOT)).doesNotContain("connection: close");
            write(socket, "GET /v1/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TARGET_KEY
                    + "\r\nConnection: close\r\n\r\n");
            String second = readToEof(socket.getInputStream());
            assertThat(second).startsWith("HTTP/1.1 200").contains("\"domain_name\":\"target\"");
            assertThat(second.toLowerCase(Locale.ROOT)).contains("\r\nconnection: close\r\n");
        }
    }

    private Socket socket() throws IOException {
        Socket socket = new Socket("127.0.0.1", emulator.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void write(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads until the server closes; a read timeout (the server kept the socket open) fails the test. */
    private static String readToEof(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Reads one answer with a Content-Length body, leaving the connection open. */
    private static String readOneAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed inside the headers");
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        int at = headers.toLowerCase(Locale.ROOT).indexOf("content-length:");
        int length = Integer.parseInt(headers.substring(at + 15, headers.indexOf("\r\n", at)).strip());
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
