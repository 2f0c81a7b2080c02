package app.licensedesk.sandbox;

import java.util.List;

/** The accounts, passwords and two-factor secrets that every sandbox server accepts. */
public final class SandboxAccounts {

    /** Sees every company, may claim and activate. */
    public static final String ADMIN_USERNAME = "admin@sandbox.test";
    public static final String ADMIN_PASSWORD = "admin-pass";
    public static final int ADMIN_USER_ID = 1;

    /** Sees about a third of the companies (always the first three by name), may claim, may not activate. */
    public static final String SALES_USERNAME = "sales@sandbox.test";
    public static final String SALES_PASSWORD = "sales-pass";
    public static final int SALES_USER_ID = 2;

    /** Like admin, but signing in needs a second factor: TOTP, an emailed code or a recovery code. */
    public static final String TWO_FACTOR_USERNAME = "2fa@sandbox.test";
    public static final String TWO_FACTOR_PASSWORD = "2fa-pass";
    public static final int TWO_FACTOR_USER_ID = 3;

    /** RFC 6238 secret (base32) of the 2FA account; compute codes with {@link Totp#code}. */
    public static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";

    /** Recovery codes of the 2FA account; each works once per server instance. */
    public static final List<String> RECOVERY_CODES = List.of(
            "RC-7F3K-9Q2M", "RC-4T8W-2HZN", "RC-9B6D-XJ5P", "RC-3LQV-8MRC", "RC-6YGE-1KTA");

    private SandboxAccounts() {
    }
}
