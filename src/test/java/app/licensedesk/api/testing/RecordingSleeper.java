package app.licensedesk.api.testing;

import app.licensedesk.api.ClientSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A backoff sleeper that records the waits instead of sleeping, so retry tests take no time. */
public final class RecordingSleeper implements ClientSettings.Sleeper {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }

    public List<Duration> waits() {
        return List.copyOf(waits);
    }
}
