package app.licensedesk.ui.expiring;

import app.licensedesk.model.License;

/**
 * Licensed capacities added up, in kW: grid, solar, battery and EV, each and in total. A capacity the server did
 * not send counts as 0.
 */
public record Capacity(long gridKw, long solarKw, long batteryKw, long evKw) {

    public static final Capacity NONE = new Capacity(0, 0, 0, 0);

    public static Capacity of(License license) {
        return new Capacity(kw(license.gridKw()), kw(license.solarKw()), kw(license.batteryKw()),
                kw(license.evKw()));
    }

    public Capacity plus(Capacity other) {
        return new Capacity(gridKw + other.gridKw, solarKw + other.solarKw, batteryKw + other.batteryKw,
                evKw + other.evKw);
    }

    public long totalKw() {
        return gridKw + solarKw + batteryKw + evKw;
    }

    private static long kw(Integer value) {
        return value == null ? 0 : value;
    }
}
