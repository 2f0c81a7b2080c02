package app.licensedesk.ui.licenses;

/**
 * One entry of a filter drop-down: a value (null for "All") and its text. Its {@link #toString()} is the text, so
 * combo boxes (also searchable ones) show and match it.
 */
record FilterChoice<T>(T value, String text) {

    @Override
    public String toString() {
        return text;
    }
}
