package app.licensedesk.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Immutable settings of a sandbox server: port, scale, latency, faults, seed, token lifetimes and clock. */
public final class SandboxOptions {

    /** Upper bound on the scale so a typo cannot exhaust memory (5000 customers = 75 000 licenses). */
    static final int MAX_CUSTOMERS = 5000;

    private final int port;
    private final int customers;
    private final int latencyMs;
    private final double faultRate;
    private final long seed;
    private final Duration accessTokenTtl;
    private final Duration refreshTokenTtl;
    private final Clock clock;

    private SandboxOptions(int port, int customers, int latencyMs, double faultRate, long seed,
                           Duration accessTokenTtl, Duration refreshTokenTtl, Clock clock) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (customers < 1 || customers > MAX_CUSTOMERS) {
            throw new IllegalArgumentException("customers must be 1.." + MAX_CUSTOMERS + ": " + customers);
        }
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latency must not be negative: " + latencyMs);
        }
        if (!(faultRate >= 0.0 && faultRate <= 1.0)) {
            throw new IllegalArgumentException("fault rate must be 0..1: " + faultRate);
        }
        requirePositive(accessTokenTtl, "access token ttl");
        requirePositive(refreshTokenTtl, "refresh token ttl");
        this.port = port;
        this.customers = customers;
        this.latencyMs = latencyMs;
        this.faultRate = faultRate;
        this.seed = seed;
        this.accessTokenTtl = accessTokenTtl;
        this.refreshTokenTtl = refreshTokenTtl;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }

    /** A free port, 40 customers, no latency, no faults, seed 42, tokens 5 min / 14 days, the UTC system clock. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(0, 40, 0, 0.0, 42L, Duration.ofMinutes(5), Duration.ofDays(14),
                Clock.systemUTC());
    }

    public SandboxOptions withPort(int port) {
        return new SandboxOptions(port, customers, latencyMs, faultRate, seed, accessTokenTtl, refreshTokenTtl,
                clock);
    }

    /** Controllers (about 3.75 per customer) and licenses (15 per customer) grow in proportion. */
    public SandboxOptions withCustomers(int n) {
        return new SandboxOptions(port, n, latencyMs, faultRate, seed, accessTokenTtl, refreshTokenTtl, clock);
    }

    public SandboxOptions withLatencyMs(int ms) {
        return new SandboxOptions(port, customers, ms, faultRate, seed, accessTokenTtl, refreshTokenTtl, clock);
    }

    public SandboxOptions withFaultRate(double rate0to1) {
        return new SandboxOptions(port, customers, latencyMs, rate0to1, seed, accessTokenTtl, refreshTokenTtl,
                clock);
    }

    public SandboxOptions withSeed(long seed) {
        return new SandboxOptions(port, customers, latencyMs, faultRate, seed, accessTokenTtl, refreshTokenTtl,
                clock);
    }

    public SandboxOptions withAccessTokenTtl(Duration d) {
        return new SandboxOptions(port, customers, latencyMs, faultRate, seed, d, refreshTokenTtl, clock);
    }

    public SandboxOptions withRefreshTokenTtl(Duration d) {
        return new SandboxOptions(port, customers, latencyMs, faultRate, seed, accessTokenTtl, d, clock);
    }

    /** Token times, "now" of activate and the seed's dates all come from this clock, so tests can move time. */
    public SandboxOptions withClock(Clock clock) {
        return new SandboxOptions(port, customers, latencyMs, faultRate, seed, accessTokenTtl, refreshTokenTtl,
                clock);
    }

    public int port() {
        return port;
    }

    public int customers() {
        return customers;
    }

    /** About 3.75 controllers per customer, at least one per customer. */
    public int controllers() {
        return Math.max(customers, Math.round(customers * 3.75f));
    }

    public int licenses() {
        return customers * 15;
    }

    public int latencyMs() {
        return latencyMs;
    }

    public double faultRate() {
        return faultRate;
    }

    public long seed() {
        return seed;
    }

    public Duration accessTokenTtl() {
        return accessTokenTtl;
    }

    public Duration refreshTokenTtl() {
        return refreshTokenTtl;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "SandboxOptions[port=" + port + ", customers=" + customers + ", latencyMs=" + latencyMs
                + ", faultRate=" + faultRate + ", seed=" + seed + ", accessTokenTtl=" + accessTokenTtl
                + ", refreshTokenTtl=" + refreshTokenTtl + "]";
    }
}
