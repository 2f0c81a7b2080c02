package app.licensedesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonDatesTest {

    private static final DateTimeFormatter CONTRACT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void datesAreWrittenAsTheContractsFormatWritesThem() {
        Random random = new Random(3);
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(first + (long) (random.nextDouble() * (last - first)),
                    random.nextInt(1_000_000_000));
            assertThat(Json.iso(t)).isEqualTo(CONTRACT.format(t));
        }
        for (String edge : new String[] {"2000-01-01T00:00:00Z", "2100-12-31T23:59:59.999999999Z",
            "2026-02-28T23:59:59.999Z", "2028-02-29T12:00:00.001Z", "1970-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            "-0001-06-01T00:00:00Z"}) {
            Instant t = Instant.parse(edge);
            assertThat(Json.iso(t)).isEqualTo(CONTRACT.format(t));
        }
    }
}
