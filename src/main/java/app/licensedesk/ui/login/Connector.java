package app.licensedesk.ui.login;

import app.licensedesk.model.Environment;
import app.licensedesk.service.Backend;

/** Builds the client for the chosen environment (starting the local sandbox if needed). Blocking. */
@FunctionalInterface
public interface Connector {

    /**
     * @param kind    the environment choice
     * @param authUrl for CUSTOM: the validated authentication URL, else ignored
     * @param apiUrl  for CUSTOM: the validated api URL, else ignored
     */
    Backend connect(Environment.Kind kind, String authUrl, String apiUrl);
}
