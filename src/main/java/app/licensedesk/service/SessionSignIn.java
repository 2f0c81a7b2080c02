package app.licensedesk.service;

import app.licensedesk.model.RefreshToken;
import app.licensedesk.model.SessionState;
import app.licensedesk.model.TwoFactorMethod;
import app.licensedesk.session.TokenSession;
import java.util.Optional;
import java.util.function.Consumer;

/** The sign-in port over the token session: the screens get the steps, never the tokens or their renewal. */
record SessionSignIn(TokenSession session) implements SignIn {

    @Override
    public SessionState signIn(String username, char[] password) {
        return session.signIn(username, password);
    }

    @Override
    public void requestEmailCode() {
        session.requestEmailCode();
    }

    @Override
    public void completeTwoFactor(TwoFactorMethod method, String code) {
        session.completeTwoFactor(method, code);
    }

    @Override
    public SessionState resume(String username, RefreshToken kept) {
        return session.resume(username, kept);
    }

    @Override
    public Optional<RefreshToken> refreshToken() {
        return session.refreshToken();
    }

    @Override
    public void addRefreshTokenListener(Consumer<RefreshToken> listener) {
        session.addRefreshTokenListener(listener);
    }

    @Override
    public void signOut() {
        session.signOut();
    }

    @Override
    public SessionState state() {
        return session.state();
    }

    @Override
    public String username() {
        return session.username();
    }

    @Override
    public void addStateListener(Consumer<SessionState> listener) {
        session.addStateListener(listener);
    }
}
