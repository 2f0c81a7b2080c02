package app.licensedesk.sandbox;

import java.util.List;
import java.util.Locale;

/** A sandbox user and what it may do. */
record Account(int userId, String username, String password, boolean seesAllCompanies, boolean canActivate,
               String totpSecret, boolean emailOtp, List<String> recoveryCodes) {

    static final List<Account> ALL = List.of(
            new Account(SandboxAccounts.ADMIN_USER_ID, SandboxAccounts.ADMIN_USERNAME,
                    SandboxAccounts.ADMIN_PASSWORD, true, true, null, false, List.of()),
            new Account(SandboxAccounts.SALES_USER_ID, SandboxAccounts.SALES_USERNAME,
                    SandboxAccounts.SALES_PASSWORD, false, false, null, false, List.of()),
            new Account(SandboxAccounts.TWO_FACTOR_USER_ID, SandboxAccounts.TWO_FACTOR_USERNAME,
                    SandboxAccounts.TWO_FACTOR_PASSWORD, true, true, SandboxAccounts.TOTP_SECRET, true,
                    SandboxAccounts.RECOVERY_CODES));

    boolean hasTwoFactor() {
        return totpSecret != null || emailOtp || !recoveryCodes.isEmpty();
    }

    /** Usernames are e-mail addresses, so they match case-insensitively. */
    static Account byUsername(String username) {
        String wanted = username.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(a -> a.username.equals(wanted)).findFirst().orElse(null);
    }

    static Account byId(int userId) {
        return ALL.stream().filter(a -> a.userId == userId).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        // Keeps the password out of any log line that prints an account.
        return "Account[" + userId + ", " + username + "]";
    }
}
