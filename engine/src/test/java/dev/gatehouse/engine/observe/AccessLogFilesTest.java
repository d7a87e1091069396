package dev.gatehouse.engine.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bytes of the access-log files: each line's UTF-8 and a line break, rotated by size. */
class AccessLogFilesTest {

    @TempDir Path dir;

    @Test
    void eachLineIsWrittenAsItsUtf8FollowedByALineBreakWhateverItsCharacters() throws Exception {
        try (AccessLogFiles files = new AccessLogFiles(dir, 1 << 20, 2)) {
            files.append("a1", "prod", new StringBuilder("127.0.0.1 - - \"GET /pets HTTP/1.1\" 200 27"));
            files.append("a1", "prod", new StringBuilder("caf\u00e9 \u2192 \uD83D\uDE00")); // é, →, 😀
            files.append("a1", "prod", new StringBuilder("ok"));  // shorter than the line before: nothing of it left
            files.flush();
        }
        // UTF-8 by hand (RFC 3629): é = C3 A9, → (U+2192) = E2 86 92, 😀 (U+1F600) = F0 9F 98 80
        byte[] expected = concat("127.0.0.1 - - \"GET /pets HTTP/1.1\" 200 27\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                new byte[] {'c', 'a', 'f', (byte) 0xC3, (byte) 0xA9, ' ', (byte) 0xE2, (byte) 0x86, (byte) 0x92, ' ',
                        (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, '\n', 'o', 'k', '\n'});
        assertThat(Files.readAllBytes(AccessLogFiles.fileOf(dir, "a1", "prod"))).isEqualTo(expected);
    }

    @Test
    void aLineThatWouldPassTheLimitCountsItsUtf8BytesAndStartsTheNextFile() throws Exception {
        // limit 10 bytes: "\u00e9\u00e9\u00e9\u00e9" is 8 bytes + the break = 9; the next "x" (2 bytes) would make 11
        try (AccessLogFiles files = new AccessLogFiles(dir, 10, 2)) {
            files.append("a1", "prod", new StringBuilder("\u00e9\u00e9\u00e9\u00e9"));
            files.append("a1", "prod", new StringBuilder("x"));
            files.flush();
        }
        Path current = AccessLogFiles.fileOf(dir, "a1", "prod");
        assertThat(Files.readAllBytes(current)).isEqualTo(new byte[] {'x', '\n'});
        assertThat(Files.size(current.resolveSibling(current.getFileName() + ".1"))).isEqualTo(9);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
