package app.licensedesk.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/** Immutable settings of a sandbox server: port, scale, latency, faults, seed, token lifetimes and clock. */
public final class SandboxOptions {

    /** Upper bound on the scale so a typo cannot exhaust memory (5000 customers = 75 000 licenses). */
    static final int MAX_CUSTOMERS = 5000;

    /** The settable values; each wither copies them, changes one and checks them all. */
    private static final class Values implements Cloneable {
        int port;
        int customers = 40;
        int latencyMs;
        double faultRate;
        long seed = 42L;
        Duration accessTokenTtl = Duration.ofMinutes(5);
        Duration refreshTokenTtl = Duration.ofDays(14);
        Clock clock = Clock.systemUTC();
        boolean unknownLicenseTypes;
        double applyThenDropRate;

        Values copy() {
            try {
                return (Values) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private final Values v;

    private SandboxOptions(Values v) {
        if (v.port < 0 || v.port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + v.port);
        }
        if (v.customers < 1 || v.customers > MAX_CUSTOMERS) {
            throw new IllegalArgumentException("customers must be 1.." + MAX_CUSTOMERS + ": " + v.customers);
        }
        if (v.latencyMs < 0) {
            throw new IllegalArgumentException("latency must not be negative: " + v.latencyMs);
        }
        requireRate(v.faultRate, "fault rate");
        requireRate(v.applyThenDropRate, "apply-then-drop rate");
        requirePositive(v.accessTokenTtl, "access token ttl");
        requirePositive(v.refreshTokenTtl, "refresh token ttl");
        Objects.requireNonNull(v.clock, "clock");
        this.v = v;
    }

    private static void requireRate(double rate, String what) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException(what + " must be 0..1: " + rate);
        }
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }

    private SandboxOptions with(Consumer<Values> change) {
        Values copy = v.copy();
        change.accept(copy);
        return new SandboxOptions(copy);
    }

    /**
     * A free port, 40 customers, no latency, no faults, seed 42, tokens 5 min / 14 days, the UTC system clock,
     * only the documented license types.
     */
    public static SandboxOptions defaults() {
        return new SandboxOptions(new Values());
    }

    public SandboxOptions withPort(int port) {
        return with(x -> x.port = port);
    }

    /** Controllers (about 3.75 per customer) and licenses (15 per customer) grow in proportion. */
    public SandboxOptions withCustomers(int n) {
        return with(x -> x.customers = n);
    }

    public SandboxOptions withLatencyMs(int ms) {
        return with(x -> x.latencyMs = ms);
    }

    public SandboxOptions withFaultRate(double rate0to1) {
        return with(x -> x.faultRate = rate0to1);
    }

    public SandboxOptions withSeed(long seed) {
        return with(x -> x.seed = seed);
    }

    public SandboxOptions withAccessTokenTtl(Duration d) {
        return with(x -> x.accessTokenTtl = d);
    }

    public SandboxOptions withRefreshTokenTtl(Duration d) {
        return with(x -> x.refreshTokenTtl = d);
    }

    /** Token times, "now" of activate and the seed's dates all come from this clock, so tests can move time. */
    public SandboxOptions withClock(Clock clock) {
        return with(x -> x.clock = clock);
    }

    /**
     * With true, two licenses of the seed carry a {@code type} the contract does not list ("pilot"), for tests
     * that prove a client tolerates unknown values; by default every license is residential or commercial.
     */
    public SandboxOptions withUnknownLicenseTypes(boolean on) {
        return with(x -> x.unknownLicenseTypes = on);
    }

    /**
     * The share of claim and activate POSTs whose change is made and whose connection then drops without an
     * answer, so the client cannot know the outcome. Apart from {@link #withFaultRate}, whose mix includes the
     * same fault; a test that wants every such POST to be lost uses {@code withApplyThenDropRate(1.0)}.
     */
    public SandboxOptions withApplyThenDropRate(double rate0to1) {
        return with(x -> x.applyThenDropRate = rate0to1);
    }

    public int port() {
        return v.port;
    }

    public int customers() {
        return v.customers;
    }

    /** About 3.75 controllers per customer, at least one per customer. */
    public int controllers() {
        return Math.max(v.customers, Math.round(v.customers * 3.75f));
    }

    public int licenses() {
        return v.customers * 15;
    }

    public int latencyMs() {
        return v.latencyMs;
    }

    public double faultRate() {
        return v.faultRate;
    }

    public long seed() {
        return v.seed;
    }

    public Duration accessTokenTtl() {
        return v.accessTokenTtl;
    }

    public Duration refreshTokenTtl() {
        return v.refreshTokenTtl;
    }

    public Clock clock() {
        return v.clock;
    }

    public boolean unknownLicenseTypes() {
        return v.unknownLicenseTypes;
    }

    public double applyThenDropRate() {
        return v.applyThenDropRate;
    }

    @Override
    public String toString() {
        return "SandboxOptions[port=" + v.port + ", customers=" + v.customers + ", latencyMs=" + v.latencyMs
                + ", faultRate=" + v.faultRate + ", seed=" + v.seed + ", accessTokenTtl=" + v.accessTokenTtl
                + ", refreshTokenTtl=" + v.refreshTokenTtl + ", unknownLicenseTypes=" + v.unknownLicenseTypes
                + ", applyThenDropRate=" + v.applyThenDropRate + "]";
    }
}
