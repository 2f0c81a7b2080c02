package app.licensedesk.model;

/** The second factors the contract offers. */
public enum TwoFactorMethod { TOTP, EMAIL_OTP, RECOVERY_CODE }
